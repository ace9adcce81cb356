import Foundation
import Ingest

/// `restricted/quarantine_rows.csv`, RESTRICTED personal data for the data
/// owner: each quarantined row whole, as it was read (full IDs included), so
/// the sender can be shown exactly what to correct. Mode 0600 in a 0700 folder.
public enum QuarantineRowsCSV {
    public static let header = "feed,line,reason,column,row"

    /// Writes every record's whole row to `url` (mode 0600), streaming.
    public static func write(_ records: some Sequence<QuarantineRecord>, to url: URL) throws {
        try CSVFileStream.write(records, header: header, to: url, mode: 0o600, line: line)
    }

    /// One record's line, with its line end.
    public static func line(_ record: QuarantineRecord) -> String {
        CSVText.line([
            record.feed.fileName, String(record.line), record.reason.rawValue,
            CSVText.field(record.column), CSVText.feedText(record.row),
        ])
    }
}
