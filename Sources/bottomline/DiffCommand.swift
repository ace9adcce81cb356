import ArgumentParser
import Nightly
import Reports
import Warehouse

/// `bottomline diff`: what changed between the published figures of two nights.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the published figures of two dates.",
        discussion: """
            Sections: targets newly missed and newly met (province, county groups, prefectures, counties, \
            resettlement sites; targets of the later \
            date's pipeline), the \(movers) counties that moved most for each indicator (change of the value for \
            rates, of the count for counts), and quarantine reasons (feed, reason) that appeared or vanished.
            Example: bottomline diff --warehouse out/warehouse.sqlite --from 2026-11-27 --to 2026-11-28
            """
    )

    /// Counties listed per indicator among the biggest movers.
    static let movers = 5

    @OptionGroup var options: WarehouseOption

    @Option(help: ArgumentHelp("The earlier date, YYYY-MM-DD.", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The later date, YYYY-MM-DD.", valueName: "date"))
    var to: String

    @Flag(help: "Write one long CSV table to standard output instead of the sections.")
    var csv = false

    func run() throws {
        let warehouse = try WarehouseAccess.openForReading(path: options.warehouse, log: logLine)
        let diff = try warehouse.diff(from: from, to: to, movers: Self.movers)
        print(csv ? Self.csv(diff) : TerminalText.plain(Self.text(diff)), terminator: "")
    }

    static let csvHeader = "section,level,code,name,indicator,from_value,to_value,change,note"

    /// RFC 4180 CSV, one row per finding. Quarantine rows put the feed in
    /// `name`, the row counts in `from_value`/`to_value` and the reason in `note`.
    static func csv(_ diff: WarehouseDiff) -> String {
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

    /// The alerts, then the four sections, for the terminal.
    static func text(_ diff: WarehouseDiff) -> String {
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
            movers.append([mover.indicator, String(mover.rank), mover.code, mover.name, HistoryCommand.shown(mover.fromText),
                           HistoryCommand.shown(mover.toText), mover.changeText])
        }
        out += section("Biggest movers (county), top \(Self.movers) per indicator", movers, count: diff.movers.count)
        var reasons = TerminalTable([.left("feed"), .left("reason"), .right("rows \(diff.from)"),
                                     .right("rows \(diff.to)"), .left("change")])
        for change in diff.quarantineChanges {
            reasons.append([change.feed, change.reason, String(change.fromRows), String(change.toRows),
                            change.appeared ? "new" : "vanished"])
        }
        out += section("Quarantine reasons new/vanished", reasons, count: diff.quarantineChanges.count)
        return out
    }

    private static func targets(_ changes: [WarehouseDiff.TargetChange]) -> TerminalTable {
        var table = TerminalTable([.left("level"), .left("code"), .left("name"), .left("indicator"),
                                   .left("target"), .right("from"), .right("to")])
        for change in changes {
            table.append([change.level.rawValue, change.code, change.name, change.indicator,
                          change.target.description, HistoryCommand.shown(change.fromText),
                          HistoryCommand.shown(change.toText)])
        }
        return table
    }

    private static func section(_ title: String, _ table: TerminalTable, count: Int) -> String {
        "\n\(title) (\(count))\n" + (count == 0 ? "  none\n" : table.text(indent: 2))
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}
