import Engine
import Foundation
import Testing
import TestSupport
import Warehouse

/// A province-sized table (14,000 villages × 16 indicators at every level)
/// published for three nights, then the third again: the warehouse keeps exactly
/// three nights of it. (Publish speed is measured by `make bench-history`, not here.)
@Suite struct ProvinceSizedPublishTests {
    @Test func republishingANightOfAProvinceSizedTableKeepsThreeNights() throws {
        let table = Self.provinceTable(villages: 14_000, indicators: 16)
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        let warehouse = try Warehouse.open(path: path)
        // Three nights, then the third again (which first deletes its rows).
        let dates = ["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-28"]
        for date in dates {
            let run = try warehouse.beginRun(date: date, pipelineHash: "h", toolVersion: "t", threads: 2)
            try warehouse.publish(runID: run, table: table, inputs: [], quarantine: [])
        }
        try warehouse.close()
        let rows = table.areas.count * table.indicators.count
        let file = SQLiteFile(path: path)
        #expect(try file.int("SELECT count(*) FROM indicator_values") == rows * 3)
        #expect(try file.int("SELECT count(DISTINCT run_date) FROM published_runs") == 3)
    }

    /// 9 prefectures, 88 counties, 10 villages a township; half the indicators are ratios.
    static func provinceTable(villages: Int, indicators count: Int) -> IndicatorTable {
        let indicators = (0..<count).map { index in
            IndicatorDefinition(id: "indicator_\(index)", labelZH: "指标\(index)", labelEN: "Indicator \(index)",
                                entity: .person, numerator: "true", denominator: index % 2 == 0 ? nil : "true",
                                unit: index % 2 == 0 ? "persons" : "rate", decimals: 4, target: nil,
                                inSummary: false, isKey: false)
        }
        var areas = [Area(level: .province, code: "52", name: "贵州省", parent: nil)]
        let prefectures = (1...9).map { areas.count - 1 + $0 }
        for p in 1...9 { areas.append(Area(level: .prefecture, code: "52\(p)00".padding(6), name: "市\(p)", parent: 0)) }
        let counties = (0..<88).map { index -> Int in
            areas.append(Area(level: .county, code: String(format: "52%02d%02d", index % 9 + 1, index / 9 + 1),
                              name: "县\(index)", parent: prefectures[index % 9]))
            return areas.count - 1
        }
        let townships = (0..<(villages / 10)).map { index -> Int in
            let county = counties[index % counties.count]
            areas.append(Area(level: .township, code: areas[county].code + String(format: "%03d", index / 88 + 1),
                              name: "镇\(index)", parent: county))
            return areas.count - 1
        }
        for index in 0..<villages {
            let township = townships[index / 10]
            areas.append(Area(level: .village, code: areas[township].code + String(format: "%03d", index % 10 + 1),
                              name: "村\(index)", parent: township))
        }
        let cells = areas.count * count
        let numerators = (0..<cells).map { Int64($0 % 997) }
        let denominators = (0..<cells).map { Int64($0 % 997 + $0 % 13) }
        return IndicatorTable(indicators: indicators, areas: areas, numerators: numerators, denominators: denominators)
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: "0", count: max(0, width - count)) }
}
