import Foundation
import Reports
import Warehouse

/// What `bottomline household` shows on the terminal: one household's history, interval by interval.
public enum HouseholdView {
    /// A table of `rows` (oldest first), without control characters.
    public static func text(_ rows: [HouseholdHistoryRow]) -> String {
        var table = TerminalTable([
            .left("from"), .left("to"), .left("category"), .left("type"), .left("risk"), .left("clue"),
            .left("clue date"), .left("hard signals"), .right("income"), .left("band"), .right("members"), .left("village"),
        ])
        for row in rows {
            table.append([row.validFrom, row.validTo ?? "now", row.category, row.monitoringType, row.riskStatus,
                          row.clueOutcome, row.clueDate ?? "", row.hardSignals.joined(separator: ";"),
                          String(format: "%.2f", row.income), row.incomeBand, String(row.members), row.villageCode])
        }
        return TerminalText.plain("History of the household (\(rows.count) interval\(rows.count == 1 ? "" : "s"); "
            + "'to' is the first night it differed or was absent)\n\n" + table.text())
    }
}
