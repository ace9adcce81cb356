import Reports
import Warehouse

/// What `bottomline diff` shows: the changes between two published nights, as one long CSV
/// table or as sections for the terminal.
public enum DiffView {
    public static let csvHeader = "section,level,code,name,indicator,from_value,to_value,change,note"

    /// RFC 4180 CSV, one row per finding. Quarantine rows put the feed in
    /// `name`, the row counts in `from_value`/`to_value` and the reason in `note`.
    public static func csv(_ diff: WarehouseDiff) -> String {
        var out = csvHeader + "\n"
        for (alert, isNew) in diff.alerts {
            out += CSVText.line(["alerts", "county", alert.countyCode, CSVText.feedText(alert.countyName),
                                 CSVText.feedText(alert.kind.rawValue), "", alert.value, alert.threshold,
                                 CSVText.feedText((isNew ? "new: " : "") + alert.reason)])
        }
        for (section, changes) in [("targets_newly_missed", diff.newlyMissed), ("targets_newly_met", diff.newlyMet)] {
            for change in changes {
                out += CSVText.line([section, change.level.rawValue, CSVText.feedText(change.code), CSVText.feedText(change.name),
                                     CSVText.feedText(change.indicator), change.fromText, change.toText, "",
                                     CSVText.field("target \(change.target)")])
            }
        }
        for mover in diff.movers {
            out += CSVText.line(["biggest_movers", "county", CSVText.feedText(mover.code), CSVText.feedText(mover.name),
                                 CSVText.feedText(mover.indicator),
                                 mover.fromText, mover.toText, mover.changeText, "rank \(mover.rank)"])
        }
        for change in diff.quarantineChanges {
            out += CSVText.line([change.appeared ? "quarantine_new" : "quarantine_vanished", "", "", CSVText.feedText(change.feed), "",
                                 String(change.fromRows), String(change.toRows),
                                 signed(change.toRows - change.fromRows), CSVText.feedText(change.reason)])
        }
        return out
    }

    /// The alerts, then the four sections, for the terminal (`movers` counties per indicator), without
    /// control characters.
    public static func text(_ diff: WarehouseDiff, movers moversShown: Int) -> String {
        var out = "Changes from \(diff.from) (run \(diff.fromRunID)) to \(diff.to) (run \(diff.toRunID))\n"
        var alerts = TerminalTable([.left("county"), .left("name"), .left("alert"), .right("value"), .right("threshold"),
                                    .left("new"), .left("reason")])
        for (alert, isNew) in diff.alerts {
            alerts.append([alert.countyCode, alert.countyName, alert.kind.rawValue, alert.value, alert.threshold,
                           isNew ? "new" : "", alert.reason])
        }
        out += section("Alerts on \(diff.to)", alerts, count: diff.alerts.count)
        out += section("Targets newly missed", targets(diff.newlyMissed), count: diff.newlyMissed.count)
        out += section("Targets newly met", targets(diff.newlyMet), count: diff.newlyMet.count)
        var movers = TerminalTable([.left("indicator"), .right("rank"), .left("code"), .left("name"),
                                    .right(diff.from), .right(diff.to), .right("change")])
        for mover in diff.movers {
            movers.append([mover.indicator, String(mover.rank), mover.code, mover.name, HistoryView.shown(mover.fromText),
                           HistoryView.shown(mover.toText), mover.changeText])
        }
        out += section("Biggest movers (county), top \(moversShown) per indicator", movers, count: diff.movers.count)
        var reasons = TerminalTable([.left("feed"), .left("reason"), .right("rows \(diff.from)"),
                                     .right("rows \(diff.to)"), .left("change")])
        for change in diff.quarantineChanges {
            reasons.append([change.feed, change.reason, String(change.fromRows), String(change.toRows),
                            change.appeared ? "new" : "vanished"])
        }
        out += section("Quarantine reasons new/vanished", reasons, count: diff.quarantineChanges.count)
        return TerminalText.plain(out)
    }

    private static func targets(_ changes: [WarehouseDiff.TargetChange]) -> TerminalTable {
        var table = TerminalTable([.left("level"), .left("code"), .left("name"), .left("indicator"),
                                   .left("target"), .right("from"), .right("to")])
        for change in changes {
            table.append([change.level.rawValue, change.code, change.name, change.indicator,
                          change.target.description, HistoryView.shown(change.fromText),
                          HistoryView.shown(change.toText)])
        }
        return table
    }

    private static func section(_ title: String, _ table: TerminalTable, count: Int) -> String {
        "\n\(title) (\(count))\n" + (count == 0 ? "  none\n" : table.text(indent: 2))
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}
