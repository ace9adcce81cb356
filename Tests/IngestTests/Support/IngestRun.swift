import Foundation
import Ingest
import Testing
import TestSupport

/// The reference date of every test run: 2026-11-28.
let testReferenceDate = DayNumber.from(year: 2026, month: 11, day: 28)!

/// Options for a test run: one thread and one chunk unless told otherwise.
func testOptions(threads: Int = 1, chunkBytes: Int = 4 << 20, encodings: [Feed: FeedEncoding] = [:],
                 maxQuarantineShare: Double = 0.05) -> IngestOptions {
    var options = IngestOptions(referenceDate: testReferenceDate, encodings: encodings,
                                maxQuarantineShare: maxQuarantineShare, threads: threads)
    options.chunkBytes = chunkBytes
    return options
}

/// Writes `writer`'s folder, loads it, and checks the accounting of every feed.
func ingest(_ writer: FeedFolderWriter, options: IngestOptions = testOptions(),
            sourceLocation: SourceLocation = #_sourceLocation) throws -> IngestResult {
    let folder = try TemporaryFolder("ingest-tests")
    try writer.write(to: folder)
    let result = try Ingestor.load(folder: folder.path, options: options)
    expectBalancedAccounting(result, sourceLocation: sourceLocation)
    return result
}

/// The contract's invariant, for every feed: rows read = accepted + quarantined;
/// the accepted count is the table's row count; the quarantine by reason is
/// exactly what the quarantine records say; records are in feed then line order.
func expectBalancedAccounting(_ result: IngestResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.accounting.map(\.feed) == Feed.allCases, sourceLocation: sourceLocation)
    for accounting in result.accounting {
        let feed = accounting.feed
        #expect(accounting.read == accounting.accepted + accounting.quarantined,
                "\(feed.fileName): read \(accounting.read) ≠ accepted \(accounting.accepted) + quarantined \(accounting.quarantined)",
                sourceLocation: sourceLocation)
        let table = result.table(feed)
        #expect(table.rowCount == accounting.accepted, "\(feed.fileName): table rows", sourceLocation: sourceLocation)
        #expect(table.columns.allSatisfy { $0.rowCount == table.rowCount }, "\(feed.fileName): column lengths",
                sourceLocation: sourceLocation)
        var byReason: [QuarantineReason: Int] = [:]
        for record in result.quarantine where record.feed == feed { byReason[record.reason, default: 0] += 1 }
        #expect(byReason == accounting.quarantinedByReason, "\(feed.fileName): quarantine by reason",
                sourceLocation: sourceLocation)
    }
    let order = result.quarantine.map { (Feed.allCases.firstIndex(of: $0.feed) ?? 0, $0.line) }
    #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 }, "quarantine in feed then line order",
            sourceLocation: sourceLocation)
}

extension IngestResult {
    /// The quarantined rows of one feed.
    func quarantine(_ feed: Feed) -> [QuarantineRecord] { quarantine.filter { $0.feed == feed } }

    /// The accounting of one feed.
    func accounting(_ feed: Feed) -> FeedAccounting { accounting.first { $0.feed == feed }! }
}

extension TypedColumn {
    var rowCount: Int {
        switch self {
        case .uint8(let values): return values.count
        case .int32(let values): return values.count
        case .int64(let values): return values.count
        case .text(let values): return values.count
        }
    }

    /// Every value as text, to compare columns of any type.
    var texts: [String] {
        switch self {
        case .uint8(let values): return values.map { String($0) }
        case .int32(let values): return values.map { String($0) }
        case .int64(let values): return values.map { String($0) }
        case .text(let values): return values
        }
    }
}

/// A quarantine record's location and cause, for compact expectations.
struct Finding: Equatable, CustomStringConvertible {
    let feed: Feed
    let line: Int
    let reason: QuarantineReason
    let column: String
    let value: String

    /// `value` as written in the feed: IDs in it are compared masked, as the quarantine keeps them
    /// (`QuarantineMaskingTests` checks the masked form itself).
    init(_ feed: Feed, _ line: Int, _ reason: QuarantineReason, _ column: String, _ value: String) {
        self.feed = feed
        self.line = line
        self.reason = reason
        self.column = column
        self.value = IDMask.maskingIDs(in: value)
    }

    init(_ record: QuarantineRecord) {
        self.init(record.feed, record.line, record.reason, record.column, record.value)
    }

    var description: String { "\(feed.fileName):\(line) \(reason.rawValue) [\(column)] '\(value)'" }
}

extension IngestResult {
    /// Every quarantine record as a `Finding`.
    var findings: [Finding] { quarantine.map(Finding.init) }
}

/// A valid resident ID born on 1 January `year` with sequence `sequence`.
func personID(_ sequence: Int, born year: Int = 1990) -> String {
    ResidentIDMaker.make(address: "520102", birth: "\(year)0101", sequence: sequence)
}
