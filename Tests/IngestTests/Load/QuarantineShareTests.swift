import Ingest
import Testing
import TestSupport

/// A feed whose quarantined share passes `max_quarantine_share` fails the run.
@Suite struct QuarantineShareTests {
    /// A persons feed of `good` valid rows and `bad` rows with an unknown relation.
    static func persons(good: Int, bad: Int) -> FeedFolderWriter {
        var writer = FeedFolderWriter()
        for n in 0..<(good - 1) { writer.append(.persons, "\(personID(n + 2)),\(FeedFolderWriter.household),child,full,") }
        for n in 0..<bad { writer.append(.persons, "\(personID(n + 500)),\(FeedFolderWriter.household),child,strong,") }
        return writer
    }

    @Test func exactlyAtTheLimitPasses() throws {
        let result = try ingest(Self.persons(good: 19, bad: 1)) // 1/20 = 5 %
        #expect(result.accounting(.persons).quarantinedShare == 0.05)
        #expect(result.passes)
        #expect(result.failingFeeds.isEmpty)
    }

    @Test func justOverTheLimitFails() throws {
        let result = try ingest(Self.persons(good: 18, bad: 1)) // 1/19 ≈ 5.3 %
        #expect(!result.passes)
        #expect(result.failingFeeds.map(\.feed) == [.persons])
        #expect(result.failingFeeds.first?.quarantined == 1)
    }

    @Test func theLimitComesFromTheOptions() throws {
        let writer = Self.persons(good: 7, bad: 3) // 30 %
        #expect(try !ingest(writer, options: testOptions(maxQuarantineShare: 0.29)).passes)
        #expect(try ingest(writer, options: testOptions(maxQuarantineShare: 0.3)).passes)
        #expect(try ingest(writer, options: testOptions(maxQuarantineShare: 0)).failingFeeds.map(\.feed) == [.persons])
    }

    @Test func everyFailingFeedIsListed() throws {
        var writer = Self.persons(good: 1, bad: 1)
        writer.append(.water, "\(FeedFolderWriter.household),2,1")
        let result = try ingest(writer)
        #expect(result.failingFeeds.map(\.feed) == [.persons, .water])
        #expect(result.failingFeeds.map(\.quarantinedShare) == [0.5, 0.5])
    }
}
