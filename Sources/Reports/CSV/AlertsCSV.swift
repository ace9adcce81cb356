import Engine

/// `alerts.csv`: one row per county alert, with the numbers that fired it.
public enum AlertsCSV {
    public static let header = "county_code,county_name,alert,value,threshold,reason"

    /// The whole file as UTF-8 text.
    public static func text(_ alerts: [CountyAlert]) -> String {
        var out = header + "\n"
        for alert in alerts {
            out += CSVText.line([alert.countyCode, CSVText.feedText(alert.countyName), alert.kind.rawValue, alert.value,
                                 alert.threshold, CSVText.feedText(alert.reason)])
        }
        return out
    }
}
