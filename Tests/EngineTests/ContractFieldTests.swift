import Foundation
import Ingest
import Testing
import TestSupport
@testable import Engine

/// The fields of contract version 2 as expressions see them, on real feeds:
/// members, age in days, civil-affairs support on the reference date, risk
/// types, clue outcomes and an unknown previous income.
@Suite struct ContractFieldTests {
    static let household2 = "5201020010010002", household3 = "5201020010010003"
    static let newborn = ResidentIDMaker.make(address: "520102", birth: "20261001", sequence: 21)
    static let deceased = ResidentIDMaker.make(address: "520102", birth: "19400101", sequence: 22)
    static let soldier = ResidentIDMaker.make(address: "520102", birth: "20050101", sequence: 23)
    static let resident = ResidentIDMaker.make(address: "520102", birth: "19700101", sequence: 24)
    static let ninetyDays = ResidentIDMaker.make(address: "520102", birth: "20260830", sequence: 25)

    static func folder() throws -> TemporaryFolder {
        var writer = FeedFolderWriter()
        let v = FeedFolderWriter.village, h = FeedFolderWriter.household
        writer.append(.households, "\(household2),\(v),ordinary,,,,,,,,0,,9000,,",
                      "\(household3),\(v),monitored,unstable,not_eliminated,disability;illness,,,2026-06-01,,0,,5000,,")
        writer.append(.persons, "\(newborn),\(h),child,none,", "\(deceased),\(h),parent,none,deceased",
                      "\(soldier),\(household2),child,full,military", "\(resident),\(household2),head,full,resident",
                      "\(ninetyDays),\(household3),child,none,")
        // The default row: temporary assistance that ended in March.
        writer.append(.socialAssistance, "\(newborn),dibao,2026-11-01,", "\(soldier),tekun,2020-01-01,2026-11-27",
                      "\(resident),dibao,2025-01-01,2026-11-28", "\(resident),tekun,2026-11-28,2027-01-31")
        let folder = try TemporaryFolder("contract-fields")
        try writer.write(to: folder)
        return folder
    }

    static let pipeline = """
    name: fields
    province:
      name: 测试省
    indicators:
    \(indicator("members", "person", "member"))
    \(indicator("under_90_days", "person", "age_days < 90"))
    \(indicator("aged_90_days", "person", "age_days >= 90 and age < 1"))
    \(indicator("dibao", "person", "social_assistance.dibao"))
    \(indicator("tekun", "person", "social_assistance.tekun"))
    \(indicator("temporary", "person", "social_assistance.temporary"))
    \(indicator("recipients_not_members", "person", "(social_assistance.dibao or social_assistance.tekun) and not member"))
    \(indicator("illness", "household", "'illness' in risk_types"))
    \(indicator("disability", "household", "'disability' in risk_types"))
    \(indicator("included", "household", "clue_outcome = 'included'"))
    \(indicator("previous_unknown", "household", "income_prev_year is missing"))
    \(indicator("previous_above_line", "household", "income_prev_year > 7000"))
    """

    static func indicator(_ id: String, _ entity: String, _ numerator: String) -> String {
        """
          - id: \(id)
            label_zh: \(id)
            label_en: \(id)
            entity: \(entity)
            numerator: "\(numerator)"
            unit: \(entity)s
        """
    }

    @Test func version2FieldsCountAsTheContractSays() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let definition = try PipelineFile.parse(Self.pipeline, file: "fields.yaml")
        let result = try EngineHarness.run(folder: folder.path, pipeline: definition)
        func count(_ id: String) -> Int64? { EngineHarness.figure(result.table, .province, "52", id)?.numerator }
        #expect(count("members") == 4)       // the default person, the newborn, the resident, the 90-day-old
        #expect(count("under_90_days") == 1) // born 2026-10-01: 58 days
        #expect(count("aged_90_days") == 1)  // born 2026-08-30: exactly 90 days
        #expect(count("dibao") == 2)         // from 2026-11-01 open-ended; and one ending on the reference date
        #expect(count("tekun") == 1)         // one ended the day before; one starts on the reference date
        #expect(count("temporary") == 0)     // the default row ended in March
        #expect(count("recipients_not_members") == 0)
        #expect(count("illness") == 2)
        #expect(count("disability") == 1)
        #expect(count("included") == 1)
        #expect(count("previous_unknown") == 2)
        #expect(count("previous_above_line") == 1) // 7200.00 of the default household
    }

    @Test func wordsAreCheckedAgainstTheFieldsList() throws {
        let text = Self.pipeline.replacingOccurrences(of: "'illness' in risk_types", with: "'sickness' in risk_types")
        #expect(throws: PipelineError.self) { try CompiledPipeline.compile(try PipelineFile.parse(text, file: "f.yaml"), referenceDate: 0) }
        let kind = Self.pipeline.replacingOccurrences(of: "social_assistance.tekun", with: "social_assistance.wubao")
        #expect(throws: PipelineError.self) { try CompiledPipeline.compile(try PipelineFile.parse(kind, file: "f.yaml"), referenceDate: 0) }
    }
}
