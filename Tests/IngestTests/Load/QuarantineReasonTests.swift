import Ingest
import Testing
import TestSupport

/// Every reason of the contract, produced by one real folder, with its feed,
/// line, column and value; the accounting counts them by reason.
@Suite struct QuarantineReasonTests {
    @Test func oneFolderProducesEveryReason() throws {
        var writer = FeedFolderWriter()
        let h = FeedFolderWriter.household
        writer.append(.villages, "520102001002,\"unclosed,520102001,镇,520102") // line 3
        writer.append(.villages, "520102001003,村,520102001,花果园街道,520188") // line 4
        writer.append(.households, "5201020010020001,520102001002,ordinary,,,,,,,,0,,1,,") // line 3
        writer.append(.households, "\(h),\(FeedFolderWriter.village),ordinary,,,,,,,,0,,1,,") // line 4
        writer.append(.persons, "11010519491231002Y,\(h),child,none,") // line 3
        writer.append(.persons, "\(personID(2)),5201020010010009,child,none,") // line 4
        writer.append(.education, "\(personID(2)),primary,enrolled") // line 3
        writer.append(.water, "\(h),1,maybe") // line 3
        writer.rawRows[.housing, default: []].append(Array("\(h),".utf8) + [0xC3] + Array(",0".utf8)) // line 3
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.villages, 3, .malformedRow, "", "520102001002,\"unclosed,520102001,镇,520102"),
            Finding(.villages, 4, .unknownCounty, "county_code", "520188"),
            Finding(.households, 3, .unknownVillage, "village_code", "520102001002"),
            Finding(.households, 4, .duplicateKey, "household_id", h),
            Finding(.persons, 3, .invalidPersonID, "person_id", "11010519491231002Y"),
            Finding(.persons, 4, .unknownHousehold, "household_id", "5201020010010009"),
            Finding(.education, 3, .unknownPerson, "person_id", personID(2)),
            Finding(.housing, 3, .invalidEncoding, "grade", "\u{FFFD}"),
            Finding(.water, 3, .invalidValue, "safe", "maybe"),
        ])
        #expect(Set(result.quarantine.map(\.reason)) == Set(QuarantineReason.allCases))
        #expect(result.accounting(.villages).quarantinedByReason == [.malformedRow: 1, .unknownCounty: 1])
        #expect(result.accounting(.households).quarantinedByReason == [.unknownVillage: 1, .duplicateKey: 1])
        #expect(result.accounting(.villages).read == 3 && result.accounting(.villages).accepted == 1)
        #expect(result.quarantine.allSatisfy { !$0.message.isEmpty })
    }

    @Test func reasonNamesAreTheContractWords() {
        #expect(QuarantineReason.allCases.map(\.rawValue) == [
            "malformed_row", "invalid_encoding", "invalid_person_id", "invalid_value", "duplicate_key",
            "unknown_village", "unknown_household", "unknown_person", "unknown_county",
        ])
    }
}
