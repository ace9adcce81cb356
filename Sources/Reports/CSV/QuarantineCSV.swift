import Ingest

/// `quarantine.csv`: every quarantined row with where it is and why.
public enum QuarantineCSV {
    public static let header = "feed,line,reason,column,value,message"

    /// The whole file as UTF-8 text, rows in feed (contract) order then line.
    public static func text(_ records: [QuarantineRecord]) -> String {
        var out = header + "\n"
        for record in records {
            out += CSVText.line([
                record.feed.fileName, String(record.line), record.reason.rawValue,
                CSVText.field(record.column), CSVText.feedText(record.value), CSVText.field(record.message),
            ])
        }
        return out
    }
}
