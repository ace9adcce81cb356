import Foundation
import Ingest
import Testing
import TestSupport

/// What `Ingestor.load` reports besides the tables: progress lines, file sizes, timings.
@Suite struct IngestorTests {
    @Test func progressLineSizesAndTimesForEveryFeed() throws {
        var writer = FeedFolderWriter()
        writer.append(.persons, "\(personID(2)),\(FeedFolderWriter.household),child,strong,")
        let log = ProgressLog()
        var options = testOptions()
        options.progress = { log.append($0) }
        let result = try ingest(writer, options: options)
        let logged = log.lines
        #expect(logged.count == Feed.allCases.count)
        for (line, feed) in zip(logged, Feed.allCases) {
            #expect(line.hasPrefix("ingest \(feed.fileName): "), "\(line)")
        }
        #expect(logged[3].contains("2 rows, 1 quarantined"))
        for feed in Feed.allCases {
            #expect(result.fileSizes[feed] == writer.bytes(of: feed).count)
            #expect((result.seconds[feed] ?? -1) >= 0)
        }
    }

    @Test func threadCountDoesNotChangeTheResult() throws {
        let writer = ChunkParityTests.messyFolder(seed: 3)
        let one = try ingest(writer, options: testOptions(threads: 1, chunkBytes: 512))
        let two = try ingest(writer, options: testOptions(threads: 2, chunkBytes: 512))
        ChunkParityTests.expectSameOutcome(one, two, "threads 2")
    }
}

/// Collects progress lines from the loading thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func append(_ line: String) { lock.withLock { collected.append(line) } }

    var lines: [String] { lock.withLock { collected } }
}
