import Engine
import Reports

/// What `bottomline alerts` shows on the terminal: the county alerts of a night.
public enum AlertsView {
    /// A table of `alerts` of `night` (of one county when `county` is given), without control characters.
    public static func text(_ alerts: [CountyAlert], night: String, county: String?) -> String {
        var table = TerminalTable([.left("county"), .left("name"), .left("alert"), .right("value"), .right("threshold"),
                                   .left("reason")])
        for alert in alerts {
            table.append([alert.countyCode, alert.countyName, alert.kind.rawValue, alert.value, alert.threshold,
                          alert.reason])
        }
        let title = "Alerts of \(night)" + (county.map { ", county \($0)" } ?? "") + ": \(alerts.count)"
        return TerminalText.plain(title + "\n\n" + (alerts.isEmpty ? "No alert.\n" : table.text()))
    }
}
