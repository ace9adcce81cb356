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
        #expect(one.hasPrefix("level,code,name,indicator,numerator,denominator,value\nprovince,52,贵州省,persons,18,,18\n"))
    }

    @Test func areasComeInCatalogueOrder() throws {
        let table = try EngineHarness.run(folder: EngineHarness.fixtures.appendingPathComponent("edge_cases").path).table
        let levels = table.areas.map(\.level)
        #expect(levels == levels.sorted())
        for level in RollupLevel.allCases {
            let codes = table.areaIndices(at: level).map { table.areas[$0].code }
            #expect(codes == codes.sorted())
        }
        #expect(table.areaIndices(at: .village).count == 4)
        #expect(table.areaIndices(at: .county).map { table.areas[$0].name } == ["南明区", "水城区"])
    }

    @Test func clueListNamesTheSuspectedHouseholdsAndTheirSignals() throws {
        let clues = try EngineHarness.run(folder: EngineHarness.fixtures.appendingPathComponent("edge_cases").path).clues
        #expect(clues.households.map(\.householdID) == ["5201020010010004", "5202040020010002"])
        #expect(clues.households[0].signals == ["low_income"])
        #expect(clues.households[1].signals == ["unsafe_housing", "unsafe_water"])
        #expect(clues.households[1].headResidentID == "520204199209090182")
        #expect(clues.households[1].villageName == "丙村")
    }
}
