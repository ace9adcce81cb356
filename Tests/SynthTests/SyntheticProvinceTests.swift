import Foundation
import Ingest
import Synth
import Testing

/// The generator's files: determinism, headers, IDs, and a clean load.
struct SyntheticProvinceTests {
    static let reference = SynthOptions.defaultReferenceDate

    @Test func sameSeedGivesTheSameBytesWithAnyThreadCount() throws {
        let first = try TemporaryFolder("same-1")
        let second = try TemporaryFolder("same-2")
        try SyntheticProvince.generate(into: first.path, options: SynthOptions(persons: 3_000, seed: 7, dirty: true, threads: 1))
        try SyntheticProvince.generate(into: second.path, options: SynthOptions(persons: 3_000, seed: 7, dirty: true, threads: 3))
        for name in Feed.allCases.map(\.fileName) + [DirtyManifest.fileName] {
            let a = try Data(contentsOf: URL(fileURLWithPath: first.file(name)))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.file(name)))
            #expect(a.count > 0, "\(name) is empty")
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
    }

    @Test func anotherSeedGivesOtherPersons() throws {
        let first = try TemporaryFolder("seed-1")
        let second = try TemporaryFolder("seed-2")
        try SyntheticProvince.generate(into: first.path, options: SynthOptions(persons: 2_000, seed: 1))
        try SyntheticProvince.generate(into: second.path, options: SynthOptions(persons: 2_000, seed: 2))
        let a = try Data(contentsOf: URL(fileURLWithPath: first.file(Feed.persons.fileName)))
        let b = try Data(contentsOf: URL(fileURLWithPath: second.file(Feed.persons.fileName)))
        #expect(a != b)
    }

    @Test func headersAreTheContractColumns() throws {
        let folder = try SharedProvince.clean()
        for feed in Feed.allCases {
            let text = try String(contentsOfFile: folder.file(feed.fileName), encoding: .utf8)
            let header = text.prefix { $0 != "\n" }
            #expect(header.split(separator: ",").map(String.init) == feed.schema.fields.map(\.name), "\(feed.fileName)")
        }
    }

    @Test func everyPersonIDPassesTheResidentIDCheck() throws {
        let folder = try SharedProvince.clean()
        let lines = try String(contentsOfFile: folder.file(Feed.persons.fileName), encoding: .utf8).split(separator: "\n").dropFirst()
        var leapDays = 0
        for line in lines {
            let id = String(line.prefix { $0 != "," })
            guard case .success(let checked) = ResidentID.check(id, referenceDate: Self.reference) else {
                Issue.record("\(id) fails the resident-ID check")
                continue
            }
            let birth = DayNumber.civil(checked.birth)
            if birth.month == 2 && birth.day == 29 { leapDays += 1 }
        }
        #expect(lines.count == SharedProvince.persons)
        #expect(leapDays > 0, "expected some persons born on 29 February")
    }

    @Test func cleanFolderLoadsWithoutQuarantine() throws {
        let result = try SharedProvince.cleanLoad()
        #expect(result.quarantine.isEmpty, "first: \(Array(result.quarantine).first.map { "\($0.feed.fileName):\($0.line) \($0.reason.rawValue) \($0.column)=\($0.value)" } ?? "")")
        for accounting in result.accounting {
            #expect(accounting.read > 0, "\(accounting.feed.fileName) has no rows")
            #expect(accounting.extraColumns.isEmpty)
        }
        #expect(result.table(.persons).rowCount == SharedProvince.persons)
    }

    @Test func rosterShape() throws {
        let result = try SharedProvince.cleanLoad()
        let villages = result.table(.villages)
        let households = result.table(.households)
        let persons = result.table(.persons)
        // Every county has at least three villages, and some village has no households.
        var villagesPerCounty = [Int32: Int]()
        for county in villages[Villages.countyCode] { villagesPerCounty[county, default: 0] += 1 }
        #expect(villagesPerCounty.count == result.table(.regions).rowCount)
        #expect(villagesPerCounty.values.allSatisfy { $0 >= 3 })
        var householdsPerVillage = [Int](repeating: 0, count: villages.rowCount)
        for village in households[Households.villageCode] { householdsPerVillage[Int(village)] += 1 }
        #expect(householdsPerVillage.contains(0))
        // One head per household; about 3.6 persons per household.
        let head = Persons.relation.code("head")
        var heads = [Int](repeating: 0, count: households.rowCount)
        for (household, relation) in zip(persons[Persons.householdID], persons[Persons.relation]) where relation == head {
            heads[Int(household)] += 1
        }
        #expect(heads.allSatisfy { $0 == 1 })
        let size = Double(persons.rowCount) / Double(households.rowCount)
        #expect(size > 3.2 && size < 4.0, "persons per household \(size)")
    }
}
