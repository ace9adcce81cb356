// The Ingest part of the fuzz target: the reader and feed loader.
//
// Each input is written as a feed file, raw and with a valid header in front,
// and loaded for six schemas in UTF-8 and GB18030, once as one sequential
// chunk and once cut into tiny chunks. It stops (libFuzzer saves the input in
// fuzz/findings/) on a crash, a broken accounting invariant, a difference
// between the two reads, a quarantine line past the end of the file, or when a
// final line break or CRLF line ends change the result.

#if canImport(Glibc)
import Glibc
#endif
@testable import Ingest

/// Small valid regions, villages, households and persons, loaded once, that the
/// fuzzed rows can refer to (the seed corpus uses these keys).
enum FuzzSetting {
    static let referenceDate = DayNumber.from(year: 2026, month: 11, day: 28)!
    static let schemas: [Feed] = [.villages, .households, .persons, .medicalInsurance, .employment, .socialAssistance]
    static let prerequisites: [(Feed, String)] = [
        (.regions, "prefecture_code,prefecture_name,county_code,county_name,key_county\n520100,贵阳市,520102,南明区,0\n"),
        (.villages, "village_code,village_name,township_code,township_name,county_code\n520102001001,花果园村,520102001,镇,520102\n"),
        (.households, "household_id,village_code,category,monitoring_type,risk_status,risk_types,clue_date,clue_outcome,"
            + "inclusion_date,elimination_date,relocated,site_code,income_per_capita,income_prev_year,assistance\n"
            + "5201020010010001,520102001001,monitored,marginal,not_eliminated,illness,2024-03-01,included,2024-04-15,,0,,"
            + "6500.50,,industry\n"),
        (.persons, "person_id,household_id,relation,labor_capacity,status\n520102198001150120,5201020010010001,head,full,\n"),
    ]

    /// A fresh folder under $TMPDIR (run.sh points it at a memory file system and removes it).
    static let folder: String = {
        let parent = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((parent + "/fuzz-bottomline-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("cannot create a temporary folder")
        }
        return String(cString: made)
    }()

    /// Key indexes of the prerequisite feeds.
    static let keyIndexes: [KeySpace: KeyIndex] = {
        var indexes: [KeySpace: KeyIndex] = [:]
        for (feed, text) in prerequisites {
            write(Array(text.utf8), as: feed.fileName)
            do {
                let file = try FeedFile(folder: folder, name: feed.fileName, encoding: .utf8)
                let loader = FeedLoader(schema: feed.schema, referenceDate: referenceDate, workers: 1,
                                        keyIndexes: indexes, chunkBytes: 1 << 20, progress: nil)
                let outcome = try loader.load(file, quarantine: try QuarantineLog())
                guard outcome.accounting.accepted == 1 else { fatalError("prerequisite \(feed.fileName) refused") }
                if let space = feed.schema.defines, let index = outcome.keyIndex { indexes[space] = index }
            } catch {
                fatalError("prerequisite \(feed.fileName): \(error)")
            }
        }
        return indexes
    }()

    @discardableResult
    static func write(_ bytes: [UInt8], as name: String) -> String {
        let path = folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { fatalError("cannot write \(path)") }
        var written = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
                guard n > 0 else { fatalError("cannot write \(path)") }
                written += n
            }
        }
        close(descriptor)
        return path
    }
}

/// The outcome of one load, comparable between two reads.
struct FuzzOutcome: Equatable {
    var error: String?
    var accounting: FeedAccounting?
    var quarantine: [QuarantineRecord] = []
    var columns: [TypedColumn] = []

    static func == (a: FuzzOutcome, b: FuzzOutcome) -> Bool {
        a.error == b.error && a.accounting == b.accounting && a.quarantine == b.quarantine
            && a.columns.count == b.columns.count && zip(a.columns, b.columns).allSatisfy(sameValues)
    }

    static func sameValues(_ a: TypedColumn, _ b: TypedColumn) -> Bool {
        switch (a, b) {
        case (.uint8(let x), .uint8(let y)): return x == y
        case (.int32(let x), .int32(let y)): return x == y
        case (.int64(let x), .int64(let y)): return x == y
        case (.text(let x), .text(let y)): return x == y
        default: return false
        }
    }
}

func fuzzLoad(_ path: String, feed: Feed, encoding: FeedEncoding, chunkBytes: Int) -> FuzzOutcome {
    do {
        let name = String(path.split(separator: "/").last ?? "")
        let file = try FeedFile(folder: FuzzSetting.folder, name: name, encoding: encoding)
        let loader = FeedLoader(schema: feed.schema, referenceDate: FuzzSetting.referenceDate, workers: 1,
                                keyIndexes: FuzzSetting.keyIndexes, chunkBytes: chunkBytes, progress: nil)
        let log = try QuarantineLog()
        let outcome = try loader.load(file, quarantine: log)
        try log.finish()
        let quarantine = Array(log)
        let accounting = outcome.accounting
        guard accounting.read == accounting.accepted + accounting.quarantined,
              outcome.table.rowCount == accounting.accepted,
              quarantine.count == accounting.quarantined,
              outcome.table.columns.allSatisfy({ $0.count == accounting.accepted }) else {
            fatalError("\(feed.fileName) \(encoding) chunk \(chunkBytes): accounting broken: \(accounting)")
        }
        var byReason: [QuarantineReason: Int] = [:]
        for record in quarantine { byReason[record.reason, default: 0] += 1 }
        guard byReason == accounting.quarantinedByReason else { fatalError("quarantine by reason differs") }
        guard zip(quarantine, quarantine.dropFirst()).allSatisfy({ $0.line < $1.line }),
              quarantine.allSatisfy({ $0.line >= 2 }) else {
            fatalError("\(feed.fileName): quarantine lines out of order: \(quarantine.map(\.line))")
        }
        return FuzzOutcome(accounting: accounting, quarantine: quarantine,
                           columns: outcome.table.columns)
    } catch {
        return FuzzOutcome(error: "\(error)")
    }
}

/// Stops the fuzzer when two reads that must agree do not.
func fuzzExpectSame(_ a: FuzzOutcome, _ b: FuzzOutcome, _ what: String) {
    guard a != b else { return }
    fatalError("""
        \(what)
        first:  \(a)
        second: \(b)
        """)
}

/// Loads `input` as feeds in every way that must agree.
func fuzzIngest(_ input: [UInt8]) {
    let newline = UInt8(ascii: "\n")
    let chunkBytes = 1 + Int(input.last ?? 0) % 24
    // The raw input as a whole file: header parsing, BOM, fatal errors.
    let raw = FuzzSetting.write(input, as: "raw.csv")
    for feed in FuzzSetting.schemas {
        for encoding in FeedEncoding.allCases {
            fuzzExpectSame(fuzzLoad(raw, feed: feed, encoding: encoding, chunkBytes: Int.max),
                           fuzzLoad(raw, feed: feed, encoding: encoding, chunkBytes: chunkBytes),
                           "raw \(feed.fileName) \(encoding): one read vs chunks of \(chunkBytes) bytes")
        }
    }
    // The input as rows under a valid header.
    let physicalLines = input.reduce(2) { $0 + ($1 == newline ? 1 : 0) }
    for feed in FuzzSetting.schemas {
        let header = Array(feed.schema.fields.map(\.name).joined(separator: ",").utf8)
        let headed = header + [newline] + input
        let path = FuzzSetting.write(headed, as: "headed.csv")
        var utf8Read = FuzzOutcome()
        for encoding in FeedEncoding.allCases {
            let whole = fuzzLoad(path, feed: feed, encoding: encoding, chunkBytes: Int.max)
            fuzzExpectSame(whole, fuzzLoad(path, feed: feed, encoding: encoding, chunkBytes: chunkBytes),
                           "\(feed.fileName) \(encoding): one read vs chunks of \(chunkBytes) bytes")
            if let last = whole.quarantine.last, last.line > physicalLines {
                fatalError("\(feed.fileName): quarantine line \(last.line) past the last line \(physicalLines)")
            }
            if encoding == .utf8 { utf8Read = whole }
        }
        // A final line break changes nothing.
        if input.last != newline {
            let path = FuzzSetting.write(headed + [newline], as: "headed-final-break.csv")
            fuzzExpectSame(utf8Read, fuzzLoad(path, feed: feed, encoding: .utf8, chunkBytes: Int.max),
                           "\(feed.fileName): adding a final line break changed the result")
        }
        // Without quotes or carriage returns, CRLF line ends read like LF.
        if !input.contains(UInt8(ascii: "\"")) && !input.contains(UInt8(ascii: "\r")) {
            let crlf = headed.flatMap { $0 == newline ? [UInt8(ascii: "\r"), newline] : [$0] }
            let path = FuzzSetting.write(crlf, as: "headed-crlf.csv")
            fuzzExpectSame(utf8Read, fuzzLoad(path, feed: feed, encoding: .utf8, chunkBytes: Int.max),
                           "\(feed.fileName): CRLF line ends read differently from LF")
        }
    }
}
