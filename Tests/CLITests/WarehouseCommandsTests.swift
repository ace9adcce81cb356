import Foundation
import Testing
import TestSupport

/// `bottomline history` and `bottomline diff` run as a statistician would, on a real warehouse file.
@Suite struct WarehouseCommandsTests {
    typealias Fixture = WarehouseFixture

    private let folder: TemporaryFolder
    private let warehouse: String

    init() throws {
        folder = try TemporaryFolder()
        warehouse = folder.file("warehouse.sqlite")
        try Fixture.makeWarehouse(at: warehouse)
    }

    private func bottomline(_ arguments: String...) throws -> BottomlineProcess.Result {
        try BottomlineProcess.run(arguments)
    }

    /// The published text of an area's indicator on a night, from the fixture's own table.
    private func text(_ night: [Fixture.County], _ code: String, _ indicator: String) throws -> String {
        let table = Fixture.table(night)
        let area = try #require(table.areas.firstIndex { $0.code == code })
        return table.formattedValue(area: area, indicator: try #require(table.indicatorIndex(indicator)))
    }

    @Test func provinceHistoryByDefault() throws {
        let result = try bottomline("history", "--warehouse", warehouse, "--indicator", "insurance_rate")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("province level") == true && lines.first?.contains("贵州省 52") == true)
        let second = try #require(lines.first { $0.hasPrefix(Fixture.secondDate) })
        let words = second.split(separator: " ").map(String.init)
        #expect(words == [Fixture.secondDate, "3965", "4000", try text(Fixture.secondNight, "52", "insurance_rate")])
    }

    @Test func oneColumnPerCountyWhenThereAreFew() throws {
        let result = try bottomline("history", "--warehouse", warehouse, "--indicator", "insurance_rate",
                                    "--level", "county")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("date") })
        #expect(header.contains("南明区 520102") && header.contains("钟山区 520201"))
        let row = try #require(lines.first { $0.hasPrefix(Fixture.secondDate) })
        let expected = try ["520102", "520103", "520201"].map { try text(Fixture.secondNight, $0, "insurance_rate") }
        #expect(Array(row.split(separator: " ").map(String.init).dropFirst()) == expected)
    }

    @Test func historyAsCSV() throws {
        let result = try bottomline("history", "--warehouse", warehouse, "--indicator", "persons", "--level", "county",
                                    "--last", "1", "--csv")
        #expect(result.status == 0, "\(result.standardError)")
        let rows = Fixture.secondNight.sorted { $0.code < $1.code }.map { county in
            "\(Fixture.secondDate),county,\(county.code),\(county.name),persons,\(county.persons),,\(county.persons)\n"
        }
        #expect(result.standardOutput == "run_date,level,code,name,indicator,numerator,denominator,value\n"
            + rows.joined())
    }

    @Test func diffSections() throws {
        let result = try bottomline("diff", "--warehouse", warehouse, "--from", Fixture.firstDate,
                                    "--to", Fixture.secondDate)
        #expect(result.status == 0, "\(result.standardError)")
        let out = result.standardOutput
        for title in ["Targets newly missed (3)", "Targets newly met (3)", "Biggest movers (county)",
                      "Quarantine reasons new/vanished (2)"] {
            #expect(out.contains(title), "missing section \(title)")
        }
        let missed = try #require(out.components(separatedBy: "Targets newly met").first)
        #expect(missed.contains("520102") && missed.contains("insurance_rate") && missed.contains(">= 0.99"))
        let reasons = try #require(out.components(separatedBy: "Quarantine reasons").last)
        let education = try #require(reasons.split(separator: "\n").first { $0.contains("education") })
        #expect(education.split(separator: " ") == ["education", "invalid_value", "0", "1", "new"])
    }

    @Test func diffAsCSV() throws {
        let result = try bottomline("diff", "--warehouse", warehouse, "--from", Fixture.firstDate,
                                    "--to", Fixture.secondDate, "--csv")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "section,level,code,name,indicator,from_value,to_value,change,note")
        #expect(lines.contains("targets_newly_missed,county,520102,南明区,insurance_rate,0.9950,0.9800,,target >= 0.99"))
        #expect(lines.contains("biggest_movers,county,520103,云岩区,insurance_rate,0.9700,0.9950,+0.0250,rank 1"))
        #expect(lines.contains("quarantine_new,,,education,,0,1,+1,invalid_value"))
        #expect(lines.contains("quarantine_vanished,,,households,,1,0,-1,duplicate_key"))
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 9 })
    }

    @Test func unknownIndicatorDateOrFileFailsWithAMessage() throws {
        let indicator = try bottomline("history", "--warehouse", warehouse, "--indicator", "insurence_rate")
        #expect(indicator.status != 0)
        #expect(indicator.standardError.contains("no published figures for indicator 'insurence_rate'"))
        #expect(indicator.standardError.contains("insurance_rate"))

        let date = try bottomline("diff", "--warehouse", warehouse, "--from", "2026-11-20", "--to", Fixture.secondDate)
        #expect(date.status != 0)
        #expect(date.standardError.contains("no published run for 2026-11-20"))
        #expect(date.standardError.contains(Fixture.firstDate))

        let missing = folder.file("elsewhere.sqlite")
        let file = try bottomline("history", "--warehouse", missing, "--indicator", "persons")
        #expect(file.status != 0 && file.standardError.contains("no warehouse at \(missing)"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
