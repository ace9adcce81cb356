import Ingest
import Testing
import TestSupport

/// A second row with a key already accepted is quarantined; the first row wins.
@Suite struct DuplicateKeyTests {
    static let p = FeedFolderWriter.person
    static let h = FeedFolderWriter.household

    @Test func firstRowWins() throws {
        var writer = FeedFolderWriter()
        writer.append(.persons, "\(personID(2)),\(Self.h),child,none,", "\(Self.p),\(Self.h),spouse,weak,")
        writer.append(.housing, "\(Self.h),D,1")
        writer.append(.villages, "\(FeedFolderWriter.village),另一个名字,\(FeedFolderWriter.township),花果园街道,\(FeedFolderWriter.county)")
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.villages, 3, .duplicateKey, "village_code", FeedFolderWriter.village),
            Finding(.persons, 4, .duplicateKey, "person_id", Self.p),
            Finding(.housing, 3, .duplicateKey, "household_id", Self.h),
        ])
        #expect(result.table(.persons)[Persons.relation] == [1, 3]) // head, child: the later spouse row lost
        #expect(result.table(.housing)[Housing.grade] == [2])
        #expect(result.table(.villages)[Villages.villageName] == ["花果园村"])
        #expect(result.quarantine.allSatisfy { $0.message.contains("first row wins") })
    }

    @Test func aQuarantinedFirstRowDoesNotHoldTheKey() throws {
        var writer = FeedFolderWriter()
        // Line 2 is invalid, so it does not claim the key.
        writer[.housing] = ["\(Self.h),Z,1", "\(Self.h),C,1", "\(Self.h),A,0"]
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.housing, 2, .invalidValue, "grade", "Z"),
                                    Finding(.housing, 4, .duplicateKey, "household_id", Self.h)])
        #expect(result.table(.housing)[Housing.grade] == [3])
    }

    @Test func medicalInsuranceKeyIsPersonAndYear() throws {
        var writer = FeedFolderWriter()
        let other = personID(2)
        writer.append(.persons, "\(other),\(Self.h),child,none,")
        // The default row is (person, 2026).
        writer.append(.medicalInsurance, "\(Self.p),2025,1", "\(other),2026,0", "\(Self.p),2026,0", "\(other),2026,1",
                      "\(Self.p),2024,0")
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.medicalInsurance, 5, .duplicateKey, "person_id+year", "\(Self.p)+2026"),
            Finding(.medicalInsurance, 6, .duplicateKey, "person_id+year", "\(other)+2026"),
        ])
        let table = result.table(.medicalInsurance)
        #expect(table[MedicalInsurance.year] == [2026, 2025, 2026, 2024])
        #expect(table[MedicalInsurance.personID] == [0, 0, 1, 0])
        #expect(table[MedicalInsurance.insured] == [1, 1, 0, 0])
    }

    /// Keys that ascend are accepted without a look-up; the first one out of
    /// order must still find every earlier key, and so must the ones after it.
    @Test func aRepeatAfterAscendingKeysIsFound() throws {
        var writer = FeedFolderWriter()
        let other = personID(2)
        writer.append(.persons, "\(other),\(Self.h),child,none,")
        // The default row is (person, 2026): keys (row 0, 2026) < (1, 2024) < (1, 2025), then out of order.
        writer.append(.medicalInsurance, "\(other),2024,1", "\(other),2025,1", "\(Self.p),2026,0", "\(Self.p),2023,0",
                      "\(other),2024,0", "\(other),2022,1", "\(Self.p),2023,1")
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.medicalInsurance, 5, .duplicateKey, "person_id+year", "\(Self.p)+2026"),
            Finding(.medicalInsurance, 7, .duplicateKey, "person_id+year", "\(other)+2024"),
            Finding(.medicalInsurance, 9, .duplicateKey, "person_id+year", "\(Self.p)+2023"),
        ])
        #expect(result.table(.medicalInsurance)[MedicalInsurance.year] == [2026, 2024, 2025, 2023, 2022])
    }

    @Test func lowercaseXIsTheSameKeyAsUppercase() throws {
        var writer = FeedFolderWriter()
        writer.append(.persons, "11010519491231002X,\(Self.h),parent,none,", "11010519491231002x,\(Self.h),parent,none,")
        writer.append(.education, "11010519491231002x,primary,enrolled")
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.persons, 4, .duplicateKey, "person_id", "11010519491231002x")])
        #expect(result.table(.education)[Education.personID] == [0, 1])
    }
}
