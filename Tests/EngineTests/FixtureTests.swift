import Foundation
import Ingest
import Reports
import Testing
@testable import Engine

/// Tests as data: each folder under Fixtures/ holds real feeds and an
/// `expected.csv` of figures worked out by hand (with the reasoning in its
/// `why` column); the engine must reproduce every one.
@Suite struct FixtureTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(atPath: EngineHarness.fixtures.path))?.sorted() ?? []

    @Test(arguments: cases)
    func expectedFigures(_ name: String) throws {
        let folder = EngineHarness.fixtures.appendingPathComponent(name)
        let result = try EngineHarness.run(folder: folder.path)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.csv"), encoding: .utf8)
        var checked = 0
        for line in expected.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
            let level = try #require(RollupLevel(rawValue: fields[0]))
            let figure = try #require(EngineHarness.figure(result.table, level, fields[1], fields[2]), "\(fields[0]) \(fields[1]) \(fields[2])")
            #expect(String(figure.numerator) == fields[3], "\(line)")
            if !fields[4].isEmpty { #expect(String(figure.denominator) == fields[4], "\(line)") }
            #expect(figure.value == fields[5], "\(line)")
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test(arguments: cases)
    func everyLevelIsTheSumOfTheLevelBelow(_ name: String) throws {
        let table = try EngineHarness.run(folder: EngineHarness.fixtures.appendingPathComponent(name).path).table
        let width = table.indicators.count
        var childNumerators = [Int64](repeating: 0, count: table.numerators.count)
        var childDenominators = childNumerators
        var hasChildren = [Bool](repeating: false, count: table.areas.count)
        for (index, area) in table.areas.enumerated() {
            // Groups and sites overlay the tree (a group sums counties, a site households
            // across villages); they are checked in CatalogueV2Tests.
            guard let parent = area.parent, area.level != .group, area.level != .site else { continue }
            hasChildren[parent] = true
            for k in 0..<width {
                childNumerators[parent * width + k] += table.numerator(area: index, indicator: k)
                childDenominators[parent * width + k] += table.denominator(area: index, indicator: k)
            }
        }
        for (index, area) in table.areas.enumerated() where hasChildren[index] {
            for k in 0..<width {
                #expect(table.numerator(area: index, indicator: k) == childNumerators[index * width + k], "\(area.code) \(table.indicators[k].id)")
                #expect(table.denominator(area: index, indicator: k) == childDenominators[index * width + k], "\(area.code) \(table.indicators[k].id)")
            }
        }
    }

    @Test func anyThreadCountGivesByteIdenticalOutput() throws {
        let folder = EngineHarness.fixtures.appendingPathComponent("edge_cases").path
        let one = IndicatorsCSV.text(try EngineHarness.run(folder: folder, threads: 1).table)
        let four = IndicatorsCSV.text(try EngineHarness.run(folder: folder, threads: 4).table)
        #expect(one == four)
        #expect(one.hasPrefix("level,code,name,indicator,numerator,denominator,value\nprovince,52,贵州省,persons,78,,78\n"))
    }

    @Test func areasComeInCatalogueOrder() throws {
        let table = try EngineHarness.run(folder: EngineHarness.fixtures.appendingPathComponent("edge_cases").path).table
        let levels = table.areas.map(\.level)
        #expect(levels == levels.sorted())
        for level in RollupLevel.allCases {
            let codes = table.areaIndices(at: level).map { table.areas[$0].code }
            #expect(codes == codes.sorted())
        }
        #expect(table.areaIndices(at: .village).count == 8)
        // 六枝特区 has no villages and still appears; it is a key county, like 水城区.
        #expect(table.areaIndices(at: .county).map { table.areas[$0].name } == ["南明区", "六枝特区", "水城区"])
        #expect(table.areaIndices(at: .group).map { table.areas[$0].code } == ["key_counties"])
        #expect(table.areaIndices(at: .site).map { table.areas[$0].code } == ["520102001", "520102002", "520204001"])
        #expect(table.areaIndices(at: .site).map { table.areas[$0].name } == ["安置点 520102001", "安置点 520102002", "安置点 520204001"])
    }

    @Test func clueListNamesTheSuspectedHouseholdsAndTheirSignals() throws {
        let clues = try EngineHarness.run(folder: EngineHarness.fixtures.appendingPathComponent("edge_cases").path).clues
        // suspected_omissions = 10 (expected.csv): 甲村 H1, H4; 戊村 E1–E3; 丙村 H9; 己村 F12, F15, F17, F18.
        #expect(clues.households.map(\.householdID) == [
            "5201020010010001", "5201020010010004", "5201020030020001", "5201020030020002", "5201020030020003",
            "5202040020010002", "5202040020020012", "5202040020020015", "5202040020020017", "5202040020020018",
        ])
        #expect(clues.households[0].signals.contains("low_income"))
        #expect(clues.households[5].headResidentID == "520204199209090182")
        #expect(clues.households[5].villageName == "丙村")
    }
}
