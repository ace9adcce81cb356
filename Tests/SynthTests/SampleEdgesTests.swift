import Foundation
import Ingest
import Testing

/// The committed sample holds every edge of the v2 definitions, read back
/// through the contract: each case a definition treats specially occurs.
struct SampleEdgesTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData/guizhou").path
    static let reference = DayNumber.from(year: 2026, month: 11, day: 28) ?? 0

    @Test func everyEdgeOfTheDefinitionsIsPresent() throws {
        let ingest = try Ingestor.load(folder: Self.sample, options: IngestOptions(referenceDate: Self.reference, threads: 2))
        let r = Self.reference
        let households = ingest.table(.households), persons = ingest.table(.persons)
        let category = households[Households.category], outcome = households[Households.clueOutcome]
        let clue = households[Households.clueDate], inclusion = households[Households.inclusionDate]
        let elimination = households[Households.eliminationDate], risk = households[Households.riskStatus]
        let income = households[Households.incomePerCapita], previous = households[Households.incomePrevYear]
        let relocated = households[Households.relocated], site = households[Households.siteCode]
        let pending = outcome.indices.filter { outcome[$0] == Households.clueOutcome.code("pending") }
        #expect(pending.contains { r - clue[$0] <= 15 }, "a pending clue inside its 15 days")
        #expect(pending.contains { r - clue[$0] > 15 }, "an overdue pending clue")
        #expect(outcome.contains(Households.clueOutcome.code("rejected")))
        #expect(outcome.indices.contains { outcome[$0] == Households.clueOutcome.code("included") && clue[$0] > inclusion[$0] },
                "a clue dated after its inclusion")
        let eliminated = risk.indices.filter { risk[$0] == Households.riskStatus.code("eliminated") }
        #expect(eliminated.contains { elimination[$0] - inclusion[$0] < 183 }, "an elimination within 183 days")
        #expect(eliminated.contains { income[$0] < 750_000 }, "an eliminated household under the line")
        #expect(previous.indices.contains { previous[$0] > 0 && income[$0] * 10 <= previous[$0] * 7 }, "an income drop of 30 %")
        #expect(previous.contains(-1), "an unknown previous income")
        #expect(Set(site.filter { $0 >= 0 }).count > 10, "resettlement sites")
        #expect(relocated.indices.allSatisfy { relocated[$0] == 1 || site[$0] < 0 })

        let status = persons[Persons.status]
        for word in ["deceased", "military", "prison"] { #expect(status.contains(Persons.status.code(word)), "\(word)") }
        let ids = persons[Persons.personID]
        let births = ids.map { id -> Int32 in
            let birth = Int((UInt64(bitPattern: id) / 16 / 1000) % 100_000_000)
            return DayNumber.from(year: birth / 10000, month: birth / 100 % 100, day: birth % 100) ?? 0
        }
        #expect(births.contains { r - $0 < 90 }, "a person under 90 days old")
        let personHousehold = persons[Persons.householdID]
        let education = ingest.table(.education)
        let pupils = Set(education[Education.personID])
        let ages = births.map { DayNumber.age(birth: $0, at: r) }
        #expect(ages.indices.contains { (7...15).contains(ages[$0]) && !pupils.contains(Int32($0)) }, "a child out of school")
        #expect(education[Education.status].contains(Education.status.code("exempt")))
        let enrolled = zip(education[Education.personID], education[Education.status])
            .filter { $0.1 == Education.status.code("enrolled") }.map(\.0)
        #expect(enrolled.contains { relocated[Int(personHousehold[Int($0)])] == 1 }, "a student in a relocated household")
        let junior16 = zip(education[Education.personID], zip(education[Education.stage], education[Education.status]))
            .contains { ages[Int($0.0)] == 16 && $0.1.0 == Education.stage.code("junior") }
        #expect(junior16, "a 16-year-old in junior school")

        let assistance = ingest.table(.socialAssistance)
        let kinds = assistance[SocialAssistance.kind], ends = assistance[SocialAssistance.endDate]
        let owners = assistance[SocialAssistance.personID]
        #expect(ends.contains { $0 != DayNumber.missing && $0 < r }, "support that ended before the reference date")
        #expect(ends.contains { $0 != DayNumber.missing && $0 > r }, "support ending after the reference date")
        for word in ["dibao", "tekun", "temporary"] { #expect(kinds.contains(SocialAssistance.kind.code(word)), "\(word)") }
        let ordinary = Households.category.code("ordinary")
        #expect(owners.indices.contains { kinds[$0] == SocialAssistance.kind.code("dibao")
            && category[Int(personHousehold[Int(owners[$0])])] == ordinary }, "an assistance recipient in an ordinary household")
        let locations = ingest.table(.employment)[Employment.location]
        for word in Employment.location.words { #expect(locations.contains(Employment.location.code(word)), "\(word)") }
    }
}
