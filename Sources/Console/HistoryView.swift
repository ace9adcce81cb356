import Reports
import Warehouse

/// What `bottomline history` shows: one indicator's published figures, night by night, as CSV
/// or as the terminal table that fits the number of areas.
public enum HistoryView {
    /// Most areas shown side by side, one column each.
    public static let widestLayout = 6

    public static let csvHeader = "run_date,level,code,name,indicator,numerator,denominator,value"

    /// RFC 4180 CSV, one row per date and area.
    public static func csv(_ history: IndicatorHistory) -> String {
        var out = csvHeader + "\n"
        for point in history.points {
            out += CSVText.line([
                point.date, history.level.rawValue, CSVText.feedText(point.code), CSVText.feedText(point.name),
                CSVText.feedText(history.indicator),
                String(point.numerator), point.denominator.map(String.init) ?? "", point.valueText,
            ])
        }
        return out
    }

    /// The terminal layout that fits the number of areas, without control characters.
    public static func text(_ history: IndicatorHistory) -> String {
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
        return TerminalText.plain(title + "\n\n" + table.text())
    }

    /// The denominator (for ratios) and the value of a point.
    private static func figures(_ point: IndicatorHistory.Point, _ history: IndicatorHistory) -> [String] {
        (history.isRatio ? [point.denominator.map(String.init) ?? ""] : []) + [shown(point.valueText)]
    }

    /// A value for the terminal: an undefined ratio (denominator 0) shows as "–".
    public static func shown(_ valueText: String) -> String { valueText.isEmpty ? "–" : valueText }
}
