import EarlyWarning
import Foundation
import Engine
import GRDB
import Ingest

/// Household states as rows of `household_history`: words as the contract
/// spells them, dates as `YYYY-MM-DD`, income in yuan with its band.
enum HouseholdHistoryRows {
    static let columns = """
        household, valid_from, valid_to, category, monitoring_type, risk_status, clue_outcome, clue_date,
        hard_signals, income_band, income, members, village_code
        """

    static func words(_ field: FieldSchema) -> [String] {
        if case .choice(let words) = field.kind { return words }
        return []
    }

    static let categories = words(Households.category.field)
    static let monitoringTypes = words(Households.monitoringType.field)
    static let riskStatuses = words(Households.riskStatus.field)
    static let clueOutcomes = words(Households.clueOutcome.field)

    static func word(_ code: UInt8, _ words: [String]) -> String { code == 0 ? "" : words[Int(code) - 1] }

    static func code(_ word: String, _ words: [String]) -> UInt8 {
        words.firstIndex(of: word).map { UInt8($0 + 1) } ?? 0
    }

    /// `below_line`, `near_line` (L to below the multiple × L) or `above_line`.
    static func band(_ fen: Int64, _ settings: EarlyWarningSettings) -> String {
        let yuan = Double(fen) / 100
        if yuan < settings.monitoringLine { return "below_line" }
        return yuan < settings.lineMultiple * settings.monitoringLine ? "near_line" : "above_line"
    }

    static func insert(_ rows: [HouseholdInterval], settings: EarlyWarningSettings, into db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO household_history (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            let state = row.state
            try statement.execute(arguments: [
                Data(row.household.bytes), DayNumber.format(row.validFrom), row.validTo.map(DayNumber.format),
                word(state.category, categories), word(state.monitoringType, monitoringTypes),
                word(state.riskStatus, riskStatuses), word(state.clueOutcome, clueOutcomes),
                state.clueDate == DayNumber.missing ? nil : DayNumber.format(state.clueDate), Int(state.signals),
                band(state.income, settings), Double(state.income) / 100, Int(state.members),
                CodeText.digits(state.village, width: 12),
            ])
        }
    }

    static func interval(_ row: Row) -> HouseholdInterval? {
        guard let bytes = row["household"] as Data?, let household = HouseholdHash(bytes: bytes),
              let from = DayNumber.parse(row["valid_from"]) else { return nil }
        let clue: String? = row["clue_date"]
        let income: Double = row["income"]
        let state = HouseholdState(
            category: code(row["category"], categories), monitoringType: code(row["monitoring_type"], monitoringTypes),
            riskStatus: code(row["risk_status"], riskStatuses), clueOutcome: code(row["clue_outcome"], clueOutcomes),
            signals: UInt16(truncatingIfNeeded: row["hard_signals"] as Int), members: UInt16(clamping: row["members"] as Int),
            village: Int64(row["village_code"] as String) ?? 0, clueDate: clue.flatMap(DayNumber.parse) ?? DayNumber.missing,
            income: Int64((income * 100).rounded()))
        let to: String? = row["valid_to"]
        return HouseholdInterval(household: household, validFrom: from, validTo: to.flatMap(DayNumber.parse), state: state)
    }
}
