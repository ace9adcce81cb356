import Foundation
import Ingest
import Testing
@testable import Engine

/// A statistician adds or changes indicators in the YAML alone.
@Suite struct CustomIndicatorTests {
    static let folder = EngineHarness.fixtures.appendingPathComponent("edge_cases").path

    @Test func anIndicatorAddedInYAMLIsComputed() throws {
        let extra = """
          # New: covered persons aged 60 or more, and their share insured.
          - id: elderly_covered
            label_zh: 老年帮扶对象
            label_en: Elderly covered persons
            entity: person
            numerator: covered and age >= 60
            unit: persons
          - id: elderly_insurance_rate
            label_zh: 老年参保率
            label_en: Elderly insurance rate
            entity: person
            numerator: covered and age >= 60 and insured
            denominator: covered and age >= 60
            unit: rate
            decimals: 3
          - id: members_in_key_counties
            label_zh: 重点县人口
            label_en: Persons in key counties
            entity: household
            numerator: count(members) - 0
            denominator: key_county = 1
            unit: ratio
            decimals: 1

        clues:
        """
        let text = try EngineHarness.guizhouText().replacingOccurrences(of: "\nclues:\n", with: "\n" + extra + "\n")
        let pipeline = try PipelineFile.parse(text, file: "custom.yaml")
        let table = try EngineHarness.run(folder: Self.folder, pipeline: pipeline).table
        // Covered members aged 60+ (counted from persons.csv and households.csv by a separate
        // reading): P1 (64), P2 (65), P17 (76) and six more in 戊村, 己村 and 庚村; all insured for 2026.
        #expect(EngineHarness.figure(table, .province, "52", "elderly_covered")?.numerator == 9)
        let rate = try #require(EngineHarness.figure(table, .province, "52", "elderly_insurance_rate"))
        #expect((rate.numerator, rate.denominator, rate.value) == (9, 9, "1.000"))
        // Key county 520204 (水城区): 33 households, 36 persons on their rosters.
        let key = try #require(EngineHarness.figure(table, .county, "520204", "members_in_key_counties"))
        #expect((key.numerator, key.denominator, key.value) == (36, 33, "1.1"))
        let standard = try CompiledPipeline.compile(try PipelineFile.load(path: EngineHarness.guizhouPipeline),
                                                    referenceDate: 20_000).indicatorDefinitions.count
        #expect(table.indicators.count == standard + 3)
    }

    @Test func aTwentyNinthOfFebruaryBirthdayTurnsSixOnTheFirstOfMarch() throws {
        // In the fixture nobody is born on 29 February; count children aged 6 born on that day
        // by comparing the same folder on two reference dates with an indicator on birth_date.
        let extra = """
          - id: leapling_age
            label_zh: 年龄
            label_en: Age of those born 2020-02-29
            entity: person
            numerator: sum_age
            unit: years

        clues:
        """
        let text = try EngineHarness.guizhouText()
            .replacingOccurrences(of: "\nclues:\n", with: "\n" + extra + "\n")
            .replacingOccurrences(of: "  person:\n", with: "  person:\n    sum_age: age - 0\n")
            .replacingOccurrences(of: "{ encoding: utf8 }", with: "{ encoding: utf8, may_be_empty: true }")
        let pipeline = try PipelineFile.parse(text, file: "leap.yaml")
        let folder = try LeapFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try EngineHarness.run(folder: folder, pipeline: pipeline, date: "2026-02-28").table
        let after = try EngineHarness.run(folder: folder, pipeline: pipeline, date: "2026-03-01").table
        #expect(EngineHarness.figure(before, .province, "52", "leapling_age")?.numerator == 5)
        #expect(EngineHarness.figure(after, .province, "52", "leapling_age")?.numerator == 6)
        #expect(EngineHarness.figure(before, .province, "52", "compulsory_dropouts")?.numerator == 0)
        #expect(EngineHarness.figure(after, .province, "52", "compulsory_dropouts")?.numerator == 1)
    }
}

/// A one-household folder: a covered child born on 29 February 2020 who dropped out.
enum LeapFolder {
    static func make() throws -> String {
        let source = EngineHarness.fixtures.appendingPathComponent("edge_cases")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for feed in ["regions", "villages", "housing", "water", "employment", "medical_insurance", "social_assistance"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent("\(feed).csv"), to: folder.appendingPathComponent("\(feed).csv"))
        }
        // 520102 20200229 001: check character by ISO 7064 MOD 11-2.
        let id = "52010220200229001" + String(ResidentID.checkCharacter(first17: "52010220200229001"))
        let files = [
            "households.csv": "household_id,village_code,category,monitoring_type,risk_status,risk_types,clue_date,clue_outcome,inclusion_date,elimination_date,relocated,site_code,income_per_capita,income_prev_year,assistance\n5201020010010001,520102001001,poverty_alleviated,,,,,,,,0,,9000,,\n",
            "persons.csv": "person_id,household_id,relation,labor_capacity,status\n\(id),5201020010010001,head,none,\n",
            "education.csv": "person_id,stage,status\n\(id),primary,dropped_out\n",
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        // Sector rows of the fixture refer to persons this folder lacks: keep only headers.
        for feed in ["employment", "medical_insurance", "housing", "water"] {
            let url = folder.appendingPathComponent("\(feed).csv")
            let header = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")[0]
            try (header + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        return folder.path
    }
}
