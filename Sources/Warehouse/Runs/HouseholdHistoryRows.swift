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

    /// Writes a night's edit: the removed rows first, then the closed and the added rows merged in household
    /// order, so that a household's closed row and its new one (neighbours in the table's key order) are
    /// written while their page is at hand, in one pass over the table instead of two.
    static func apply(_ edit: HistoryEdit, settings: EarlyWarningSettings, to db: Database) throws {
        let remove = try db.makeStatement(sql: "DELETE FROM household_history WHERE household = ? AND valid_from = ?")
        for row in edit.removed {
            try remove.execute(arguments: [blob(row.household), DayNumber.format(row.validFrom)])
        }
        let close = try db.makeStatement(sql: """
            UPDATE household_history SET valid_to = ? WHERE household = ? AND valid_from = ?
            """)
        let insert = try db.makeStatement(sql: """
            INSERT INTO household_history (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var i = 0, j = 0
        while i < edit.closed.count || j < edit.added.count {
            if i < edit.closed.count && (j >= edit.added.count || edit.closed[i].household <= edit.added[j].household) {
                let row = edit.closed[i]
                try close.execute(arguments: [DayNumber.format(row.validTo), blob(row.household),
                                              DayNumber.format(row.validFrom)])
                i += 1
            } else {
                try self.insert(edit.added[j], settings: settings, with: insert)
                j += 1
            }
        }
    }

    /// A household's 16 bytes, big-endian, as the table's BLOB.
    private static func blob(_ household: HouseholdHash) -> Data {
        withUnsafeBytes(of: (household.high.bigEndian, household.low.bigEndian)) { Data($0) }
    }

    private static func insert(_ row: HouseholdInterval, settings: EarlyWarningSettings,
                               with statement: Statement) throws {
        let state = row.state
        try statement.execute(arguments: [
            blob(row.household), DayNumber.format(row.validFrom), row.validTo.map(DayNumber.format),
            word(state.category, categories), word(state.monitoringType, monitoringTypes),
            word(state.riskStatus, riskStatuses), word(state.clueOutcome, clueOutcomes),
            state.clueDate == DayNumber.missing ? nil : DayNumber.format(state.clueDate), Int(state.signals),
            band(state.income, settings), Double(state.income) / 100, Int(state.members),
            CodeText.digits(state.village, width: 12),
        ])
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
