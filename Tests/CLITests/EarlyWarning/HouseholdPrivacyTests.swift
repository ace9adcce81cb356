import Foundation
import Testing
import TestSupport

/// No raw ID in the warehouse; a household's history only with the key.
@Suite(.serialized) struct HouseholdPrivacyTests {
    @Test func theWarehouseHoldsNoRawIDAndTheKeyFileIsPrivate() throws {
        let fixture = try EarlyWarningFixture()
        var ids: [String] = []
        for night in EarlyWarningNightsTests.nights() {
            try fixture.run(night.date, night.households)
            ids += night.households.flatMap { [$0.id, $0.head] }
        }
        #expect(Set(ids).count == 10)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture.warehouse)))
        if let log = try? Data(contentsOf: URL(fileURLWithPath: fixture.warehouse + "-wal")) { bytes += log }
        #expect(bytes.count > 10_000)
        for id in Set(ids) {
            // As text, and (household IDs) as the 8-byte integer a careless writer might store.
            #expect(Self.find(Array(id.utf8), in: bytes) == nil, "\(id) is in the warehouse")
            if let number = Int64(id) {
                let big = withUnsafeBytes(of: number.bigEndian, Array.init)
                let little = withUnsafeBytes(of: number.littleEndian, Array.init)
                #expect(Self.find(big, in: bytes) == nil && Self.find(little, in: bytes) == nil, "\(id) as an integer")
            }
        }
        var mode = stat()
        #expect(stat(fixture.key, &mode) == 0)
        #expect(mode.st_mode & 0o777 == 0o600)
    }

    @Test func aCaseworkerSeesAHouseholdsHistoryOnlyWithTheKey() throws {
        let fixture = try EarlyWarningFixture()
        for night in EarlyWarningNightsTests.nights() { try fixture.run(night.date, night.households) }
        let returned = EarlyWarningFixture.id(2)
        let shown = try BottomlineProcess.run(["household", "--warehouse", fixture.warehouse, "--id", returned],
                                              environment: ["BOTTOMLINE_HOUSEHOLD_KEY": fixture.key])
        #expect(shown.status == 0, "\(shown.standardError)")
        let lines = shown.standardOutput.split(separator: "\n").map(String.init)
        // 2026-11-01 at risk, 2026-11-05 eliminated, 2026-11-20 eliminated with unsafe water (still current).
        #expect(lines.contains { $0.contains("2026-11-01") && $0.contains("2026-11-05") && $0.contains("not_eliminated") })
        #expect(lines.contains { $0.hasPrefix("2026-11-05") && $0.contains("2026-11-20") && $0.contains(" eliminated") })
        #expect(lines.contains { $0.hasPrefix("2026-11-20") && $0.contains("now") && $0.contains("unsafe_water") })

        let missing = fixture.folder.file("no-such.key")
        let refused = try BottomlineProcess.run(["household", "--warehouse", fixture.warehouse, "--id", returned],
                                                environment: ["BOTTOMLINE_HOUSEHOLD_KEY": missing])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("household key"))
        #expect(!refused.standardOutput.contains("2026-11"))
        #expect(!FileManager.default.fileExists(atPath: missing), "a look-up must never create a key")

        // Another key finds nothing: the hashes are keyed.
        let other = fixture.folder.file("other.key")
        try String(repeating: "ab", count: 32).write(toFile: other, atomically: true, encoding: .utf8)
        let wrong = try BottomlineProcess.run(["household", "--warehouse", fixture.warehouse, "--id", returned],
                                              environment: ["BOTTOMLINE_HOUSEHOLD_KEY": other])
        #expect(wrong.status == 0)
        #expect(wrong.standardOutput.contains("No history"))
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
