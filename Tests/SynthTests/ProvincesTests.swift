import Foundation
import Ingest
@testable import Synth
import Testing

/// `generate --provinces`: several provinces with their real GB/T 2260 counties
/// from the shipped reference list, and the compiled copies of that list.
@Suite struct ProvincesTests {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("reference/gbt2260")

    @Test func theCompiledListsAreTheReferenceFiles() throws {
        let counties = try String(contentsOf: Self.reference.appendingPathComponent("counties.csv"), encoding: .utf8)
        #expect(ChinaCounties.csv + "\n" == counties, "run python3 reference/gbt2260/make_swift.py")
        let provinces = try String(contentsOf: Self.reference.appendingPathComponent("provinces.csv"), encoding: .utf8)
        let rows = provinces.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 34)
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) }) == ProvinceNames.byCode)
    }

    @Test func twoProvincesHaveTheirRealCountiesAndGuizhouItsKeyCounties() throws {
        let folder = try TemporaryFolder("provinces")
        var options = SynthOptions(persons: 3_000, seed: 3)
        options.provinces = ["53", "52"]
        try SyntheticProvince.generate(into: folder.path, options: options)
        let regions = try String(contentsOfFile: folder.path + "/regions.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let reference = try String(contentsOf: Self.reference.appendingPathComponent("counties.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let expected = reference.filter { $0[0].hasPrefix("52") || $0[0].hasPrefix("53") }
        #expect(regions.map { [$0[2], $0[3]] } == expected.map { [$0[0], $0[1]] }, "every county of both provinces, by code")
        #expect(regions.filter { $0[4] == "1" }.count == 20, "Guizhou's 20 key counties, none invented for Yunnan")
        #expect(regions.filter { $0[4] == "1" }.allSatisfy { $0[2].hasPrefix("52") })
        let villages = try String(contentsOfFile: folder.path + "/villages.csv", encoding: .utf8)
        #expect(villages.contains("\n53"), "Yunnan has villages")
    }

    @Test func guizhouAloneIsTheDefault() throws {
        let named = try TemporaryFolder("p52"), plain = try TemporaryFolder("default")
        var options = SynthOptions(persons: 1_000, seed: 9, dirty: true)
        try SyntheticProvince.generate(into: plain.path, options: options)
        options.provinces = ["52"]
        try SyntheticProvince.generate(into: named.path, options: options)
        for feed in Feed.allCases {
            #expect(FileManager.default.contents(atPath: named.path + "/" + feed.fileName)
                    == FileManager.default.contents(atPath: plain.path + "/" + feed.fileName), "\(feed.fileName)")
        }
    }

    @Test func anUnknownProvinceIsRefused() throws {
        let folder = try TemporaryFolder("unknown")
        var options = SynthOptions(persons: 1_000)
        options.provinces = ["52", "99"]
        #expect(throws: SynthError.unknownProvince("99")) { try SyntheticProvince.generate(into: folder.path, options: options) }
    }
}
