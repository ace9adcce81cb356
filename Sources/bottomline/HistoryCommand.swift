import ArgumentParser
import Engine
import Nightly
import Reports
import Warehouse

/// `bottomline history`: one indicator's published figures over the nights.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show one indicator's published figures, night by night.",
        discussion: """
            Reads the warehouse only (a run may be writing meanwhile). One area: one row per date with \
            numerator, denominator and value. Up to \(HistoryCommand.widestLayout) areas: one column per area. \
            More areas: one row per date and area.
            Example: bottomline history --warehouse out/warehouse.sqlite --indicator insurance_rate --level county
            """
    )

    /// Most areas shown side by side, one column each.
    static let widestLayout = 6

    @OptionGroup var options: WarehouseOption

    @Option(help: ArgumentHelp("Indicator id, as in indicators.csv (for example insurance_rate).", valueName: "id"))
    var indicator: String

    @Option(help: "Level of the areas.")
    var level: RollupLevel = .province

    @Option(help: ArgumentHelp("Only the area with this division code.", valueName: "code"))
    var code: String?

    @Option(help: ArgumentHelp("Only the latest N dates.", valueName: "N"))
    var last: Int?

    @Flag(help: "Write CSV (one row per date and area) to standard output instead of a table.")
    var csv = false

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be 1 or more (got \(last))") }
        if let code, code.isEmpty || !code.allSatisfy(\.isASCIIDigit) {
            throw ValidationError("--code must be a division code of digits, such as 520102 (got '\(code)')")
        }
    }

    func run() throws {
        let warehouse = try WarehouseAccess.openForReading(path: options.warehouse, log: logLine)
        let history = try warehouse.history(indicator: indicator, level: level, code: code, last: last)
        print(csv ? Self.csv(history) : Self.table(history), terminator: "")
    }

    static let csvHeader = "run_date,level,code,name,indicator,numerator,denominator,value"

    /// RFC 4180 CSV, one row per date and area.
    static func csv(_ history: IndicatorHistory) -> String {
        var out = csvHeader + "\n"
        for point in history.points {
            out += CSVText.line([
                point.date, history.level.rawValue, point.code, CSVText.feedText(point.name), history.indicator,
                String(point.numerator), point.denominator.map(String.init) ?? "", point.valueText,
            ])
        }
        return out
    }

    /// The terminal layout that fits the number of areas.
    static func table(_ history: IndicatorHistory) -> String {
        var title = "\(history.indicator) — \(history.labelZH) (\(history.labelEN)), \(history.level.rawValue) level, "
            + "\(history.dates.count) date\(history.dates.count == 1 ? "" : "s")"
        let ratioColumns: [TerminalTable.Column] = history.isRatio ? [.right("denominator")] : []
        var table: TerminalTable
        if history.areas.count == 1, let area = history.areas.first {
            title += " — \(area.name) \(area.code)"
            table = TerminalTable([.left("date"), .right("numerator")] + ratioColumns + [.right("value")])
            for point in history.points {
                table.append([point.date, String(point.numerator)] + figures(point, history))
            }
        } else if history.areas.count <= widestLayout {
            table = TerminalTable([.left("date")] + history.areas.map { .right("\($0.name) \($0.code)") })
            for date in history.dates {
                table.append([date] + history.areas.map { area in
                    history.point(date: date, code: area.code).map { shown($0.valueText) } ?? ""
                })
            }
        } else {
            table = TerminalTable([.left("date"), .left("code"), .left("name"), .right("numerator")] + ratioColumns
                + [.right("value")])
            for point in history.points {
                table.append([point.date, point.code, point.name, String(point.numerator)] + figures(point, history))
            }
        }
        return title + "\n\n" + table.text()
    }

    /// The denominator (for ratios) and the value of a point.
    private static func figures(_ point: IndicatorHistory.Point, _ history: IndicatorHistory) -> [String] {
        (history.isRatio ? [point.denominator.map(String.init) ?? ""] : []) + [shown(point.valueText)]
    }

    /// A value for the terminal: an undefined ratio (denominator 0) shows as "–".
    static func shown(_ valueText: String) -> String { valueText.isEmpty ? "–" : valueText }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
