import Foundation
import Ingest
import Reports
import Synth
import Testing
import TestSupport
@testable import Engine

/// The engine on a generated province large enough for many batches and slices.
@Suite struct GeneratedProvinceTests {
    static func province() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("province")
        try SyntheticProvince.generate(into: folder.path, options: SynthOptions(persons: 25_000, seed: 11))
        return folder
    }

    @Test func clueListsHoldExactlyTheHouseholdsTheIndicatorCounts() throws {
        let folder = try Self.province()
        let result = try EngineHarness.run(folder: folder.path, threads: 3)
        let table = result.table
        let k = try #require(table.indicatorIndex("suspected_omissions"))
        #expect(table.numerator(area: 0, indicator: k) == Int64(result.clues.households.count))
        #expect(result.clues.households.count > 100)
        for county in table.areaIndices(at: .county) {
            let listed = result.clues.households.filter { $0.countyCode == table.areas[county].code }.count
            #expect(Int64(listed) == table.numerator(area: county, indicator: k), "\(table.areas[county].code)")
        }
        #expect(result.clues.households.allSatisfy { !$0.signals.isEmpty && $0.householdID.hasPrefix($0.villageCode) })
        let ids = result.clues.households.map { $0.countyCode + $0.villageCode + $0.householdID }
        #expect(ids == ids.sorted())
    }

    @Test func threadCountsAgreeOnALargerProvince() throws {
        let folder = try Self.province()
        let texts = try [1, 2, 5].map { IndicatorsCSV.text(try EngineHarness.run(folder: folder.path, threads: $0).table) }
        #expect(texts[0] == texts[1])
        #expect(texts[0] == texts[2])
    }
}
