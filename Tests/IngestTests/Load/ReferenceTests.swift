import Ingest
import Testing
import TestSupport

/// References to keys absent from the feed they point to, including keys whose
/// own row was quarantined: their dependants become unknown_* in turn.
@Suite struct ReferenceTests {
    static let p = FeedFolderWriter.person
    static let h = FeedFolderWriter.household

    @Test func eachKindOfDanglingReference() throws {
        var writer = FeedFolderWriter()
        let stranger = personID(9)
        writer.append(.villages, "520199001001,村,520199001,镇,520199")
        writer.append(.households, "5201020010990001,520102001099,ordinary,,,,,,,,0,,1,,")
        writer.append(.persons, "\(personID(2)),5201020010019999,child,none,")
        writer.append(.education, "\(stranger),primary,enrolled")
        writer.append(.medicalInsurance, "\(stranger),2026,1")
        writer.append(.housing, "5201020010019999,A,0")
        writer.append(.water, "5201020010019999,1,1")
        writer.append(.employment, "\(stranger),employed,county,0,1,1,1")
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.villages, 3, .unknownCounty, "county_code", "520199"),
            Finding(.households, 3, .unknownVillage, "village_code", "520102001099"),
            Finding(.persons, 3, .unknownHousehold, "household_id", "5201020010019999"),
            Finding(.education, 3, .unknownPerson, "person_id", stranger),
            Finding(.medicalInsurance, 3, .unknownPerson, "person_id", stranger),
            Finding(.housing, 3, .unknownHousehold, "household_id", "5201020010019999"),
            Finding(.water, 3, .unknownHousehold, "household_id", "5201020010019999"),
            Finding(.employment, 3, .unknownPerson, "person_id", stranger),
        ])
        #expect(Array(result.quarantine)[0].message == "no such county in regions.csv (or its row there was quarantined)")
        #expect(Array(result.quarantine)[3].message == "no such person in persons.csv (or its row there was quarantined)")
    }

    @Test func dependantsOfAQuarantinedRowAreUnknown() throws {
        var writer = FeedFolderWriter()
        // County 520103 is quarantined (bad flag), so everything under it dangles, level by level.
        let person = personID(2)
        writer.append(.regions, "520100,贵阳市,520103,云岩区,yes")
        writer.append(.villages, "520103001001,村,520103001,镇,520103")
        writer.append(.households, "5201030010010001,520103001001,ordinary,,,,,,,,0,,1,,")
        writer.append(.persons, "\(person),5201030010010001,head,full,")
        writer.append(.education, "\(person),junior,dropped_out")
        writer.append(.housing, "5201030010010001,C,0")
        // A person whose own row is refused (bad relation) takes their sector rows with them.
        let refused = personID(3)
        writer.append(.persons, "\(refused),\(Self.h),cousin,full,")
        writer.append(.employment, "\(refused),unemployed,,0,0,0,0")
        writer.append(.medicalInsurance, "\(refused),2026,1")
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.regions, 3, .invalidValue, "key_county", "yes"),
            Finding(.villages, 3, .unknownCounty, "county_code", "520103"),
            Finding(.households, 3, .unknownVillage, "village_code", "520103001001"),
            Finding(.persons, 3, .unknownHousehold, "household_id", "5201030010010001"),
            Finding(.persons, 4, .invalidValue, "relation", "cousin"),
            Finding(.education, 3, .unknownPerson, "person_id", person),
            Finding(.medicalInsurance, 3, .unknownPerson, "person_id", refused),
            Finding(.housing, 3, .unknownHousehold, "household_id", "5201030010010001"),
            Finding(.employment, 3, .unknownPerson, "person_id", refused),
        ])
        #expect(result.accounting.allSatisfy { $0.accepted == 1 })
    }

    @Test func referencesHoldRowIndicesOfAcceptedRows() throws {
        var writer = FeedFolderWriter()
        // Line 3 is refused, so the person on line 4 is row 1 of the persons table.
        writer.append(.persons, "\(personID(2)),\(Self.h),nobody,full,", "\(personID(3)),\(Self.h),child,full,")
        writer.append(.education, "\(personID(3)),primary,enrolled")
        let result = try ingest(writer)
        #expect(result.table(.education)[Education.personID] == [0, 1])
        #expect(result.table(.persons)[Persons.householdID] == [0, 0])
    }
}
