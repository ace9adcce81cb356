import Ingest
import Testing
import TestSupport

/// Quarantine records keep IDs masked like the clue lists (first 6 and last 4
/// characters shown) and carry the whole row for the restricted file.
@Suite struct QuarantineMaskingTests {
    @Test func maskKeepsSixAndFour() {
        #expect(IDMask.masked("52010219800101001X") == "520102********001X")
        #expect(IDMask.masked("12345") == "*****")
        #expect(IDMask.maskingIDs(in: "5201020010010001+2026, 52010219800101001x; village 520102001001")
            == "520102******0001+2026, 520102********001x; village 520102001001")
    }

    @Test func valuesAreMaskedAndRowsKeptWhole() throws {
        var writer = FeedFolderWriter()
        let person = FeedFolderWriter.person, household = FeedFolderWriter.household
        writer.append(.persons, "\(person),\(household),spouse,full,", "\(personID(3)),\(household),child")
        writer.append(.water, "\(household),1,1")
        let result = try ingest(writer)
        let records = Array(result.quarantine)
        #expect(records.map(\.value) == [
            IDMask.masked(person), IDMask.masked(personID(3)) + ",520102******0001,child", "520102******0001",
        ])
        #expect(records.map(\.row) == [
            "\(person),\(household),spouse,full,", "\(personID(3)),\(household),child", "\(household),1,1",
        ])
        #expect(!records.contains { $0.value.contains(person) || $0.value.contains(household) })
    }

    @Test func longValuesAreCutAt200Bytes() throws {
        var writer = FeedFolderWriter()
        let long = String(repeating: "无", count: 1000)
        writer.append(.water, "\(FeedFolderWriter.household),\(long),1")
        let result = try ingest(writer)
        let record = try #require(Array(result.quarantine).first { $0.feed == .water })
        #expect(record.column == "tap_water")
        #expect(record.value == String(repeating: "无", count: 66) + "…")
        #expect(record.row.contains(long))
    }
}
