import Foundation
import Ingest
import Reports
import Synth
import Testing
import TestSupport
@testable import Engine

/// Breakdowns, county groups, resettlement sites and compliance lists on a
/// generated province, run through the real stages with the default pipeline.
@Suite struct CatalogueV2Tests {
    static func province() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("province")
        try SyntheticProvince.generate(into: folder.path, options: SynthOptions(persons: 20_000, seed: 5))
        return folder
    }

    /// Positions of `id`'s breakdown columns, in contract order.
    static func breakdownColumns(_ table: IndicatorTable, _ id: String) -> [Int] {
        table.indicators.indices.filter { table.indicators[$0].breakdown?.indicator == id }
    }

    @Test func anEnumeratedBreakdownSumsToItsTotalInEveryArea() throws {
        let folder = try Self.province()
        let table = try EngineHarness.run(folder: folder.path).table
        let total = try #require(table.indicatorIndex("monitored_households"))
        let columns = Self.breakdownColumns(table, "monitored_by_type")
        #expect(columns.map { table.indicators[$0].id }
            == Households.monitoringType.words.map { "monitored_by_type." + $0 })
        #expect(table.indicatorIndex("monitored_by_type") == nil, "no row for the broken-down indicator itself")
        #expect(table.numerator(area: 0, indicator: total) > 100)
        for area in table.areas.indices {
            let sum = columns.reduce(Int64(0)) { $0 + table.numerator(area: area, indicator: $1) }
            #expect(sum == table.numerator(area: area, indicator: total), "\(table.areas[area].level) \(table.areas[area].code)")
        }
        // Each value is a real share, not everything in one value.
        #expect(columns.filter { table.numerator(area: 0, indicator: $0) > 0 }.count == columns.count)
    }

    @Test func aSetBreakdownCountsAHouseholdOnceInEveryValueItHolds() throws {
        let folder = try Self.province()
        let measures = Households.assistance.words
        let direct = measures.map { word in
            """
              - id: direct_\(word)
                label_zh: 直接
                label_en: Direct
                entity: household
                numerator: monitored and '\(word)' in assistance
                unit: households
            """
        }.joined(separator: "\n")
        let extra = """
              - id: monitored_by_measure
                label_zh: 按措施
                label_en: By measure
                entity: household
                numerator: monitored
                by: assistance
                unit: households
            \(direct)

            clues:
            """
        let text = try EngineHarness.guizhouText().replacingOccurrences(of: "\nclues:\n", with: "\n" + extra + "\n")
        let table = try EngineHarness.run(folder: folder.path, pipeline: try PipelineFile.parse(text, file: "set.yaml")).table
        let columns = Self.breakdownColumns(table, "monitored_by_measure")
        #expect(columns.count == measures.count)
        let total = try #require(table.indicatorIndex("monitored_households"))
        var sumExceedsTotal = false
        for area in table.areas.indices {
            var sum: Int64 = 0
            for (column, word) in zip(columns, measures) {
                let expected = table.numerator(area: area, indicator: try #require(table.indicatorIndex("direct_" + word)))
                #expect(table.numerator(area: area, indicator: column) == expected)
                sum += expected
            }
            if sum > table.numerator(area: area, indicator: total) { sumExceedsTotal = true }
        }
        #expect(sumExceedsTotal, "households with several measures count in each")
    }

    @Test func theKeyCountiesGroupIsTheSumOfItsCounties() throws {
        let folder = try Self.province()
        let ingest = try Ingestor.load(folder: folder.path, options: IngestOptions(referenceDate: DayNumber.parse("2026-11-28")!, threads: 2))
        let regions = ingest.table(.regions)
        let keyCodes = Set(zip(regions[Regions.countyCode], regions[Regions.keyCounty]).filter { $0.1 == 1 }
            .map { CodeText.digits($0.0, width: 6) })
        #expect(!keyCodes.isEmpty)
        let table = try EngineHarness.run(folder: folder.path).table
        let groups = table.areaIndices(at: .group)
        #expect(groups.map { table.areas[$0].code } == ["key_counties"])
        #expect(groups.map { table.areas[$0].name } == ["国家乡村振兴重点帮扶县"])
        let group = try #require(groups.first)
        let members = table.areaIndices(at: .county).filter { keyCodes.contains(table.areas[$0].code) }
        #expect(members.count == keyCodes.count)
        for k in table.indicators.indices {
            #expect(table.numerator(area: group, indicator: k) == members.reduce(0) { $0 + table.numerator(area: $1, indicator: k) })
            #expect(table.denominator(area: group, indicator: k) == members.reduce(0) { $0 + table.denominator(area: $1, indicator: k) })
        }
        // Levels come in the spec's order: province, group, prefecture, county, township, village, site.
        let levels = table.areas.map(\.level)
        #expect(levels == levels.sorted())
    }

    @Test func theProvinceCountsTheAcceptedRows() throws {
        let folder = try Self.province()
        let day = DayNumber.parse("2026-11-28")!
        let ingest = try Ingestor.load(folder: folder.path, options: IngestOptions(referenceDate: day, threads: 2))
        let table = try EngineHarness.run(folder: folder.path).table
        let households = try #require(table.indicatorIndex("households"))
        #expect(table.numerator(area: 0, indicator: households) == Int64(ingest.table(.households).rowCount))
        // Members only (contract v2): accepted persons whose status is resident or empty.
        let status = ingest.table(.persons)[Persons.status]
        let resident = Persons.status.code("resident")
        let members = status.filter { $0 == 0 || $0 == resident }.count
        #expect(members < ingest.table(.persons).rowCount, "the generated province has non-members too")
        let persons = try #require(table.indicatorIndex("persons"))
        #expect(table.numerator(area: 0, indicator: persons) == Int64(members))
    }

    @Test func everyComplianceListHasAsManyRowsAsItsIndicatorSays() throws {
        let folder = try Self.province()
        let result = try EngineHarness.run(folder: folder.path, threads: 3)
        let table = result.table
        #expect(!result.lists.isEmpty)
        for list in result.lists {
            let k = try #require(table.indicatorIndex(list.indicator))
            func expected(_ area: Int) -> Int64 {
                switch list.selection {
                case .numerator: table.numerator(area: area, indicator: k)
                case .denominatorNotNumerator: table.denominator(area: area, indicator: k) - table.numerator(area: area, indicator: k)
                }
            }
            #expect(Int64(list.households.count) == expected(0), "\(list.id)")
            #expect(list.households.count > 0, "\(list.id) is empty on a generated province")
            for county in table.areaIndices(at: .county) {
                let rows = list.households.filter { $0.countyCode == table.areas[county].code }.count
                #expect(Int64(rows) == expected(county), "\(list.id) \(table.areas[county].code)")
            }
            #expect(Set(list.households.map(\.householdID)).count == list.households.count, "each household once")
        }
    }

    @Test func groupsAndBreakdownsAreTheSameForAnyThreadCount() throws {
        let folder = try Self.province()
        let runs = try [1, 4].map { try EngineHarness.run(folder: folder.path, threads: $0) }
        #expect(IndicatorsCSV.text(runs[0].table) == IndicatorsCSV.text(runs[1].table))
        #expect(runs[0].lists.map(\.households) == runs[1].lists.map(\.households))
    }
}
