import Foundation
import Ingest

/// `quarantine.csv`: every quarantined row with where it is and why; resident
/// and household IDs in it are masked (`IDMask`), so it is a public file.
public enum QuarantineCSV {
    public static let header = "feed,line,reason,column,value,message"

    /// Writes every record, in the order given (feed then line), to `url`, streaming.
    public static func write(_ records: some Sequence<QuarantineRecord>, to url: URL) throws {
        let file = try CSVFileStream(url: url, mode: 0o644)
        try file.write(header + "\n")
        for record in records { try file.write(line(record)) }
        try file.finish()
    }

    /// One record's line, with its line end.
    public static func line(_ record: QuarantineRecord) -> String {
        CSVText.line([
            record.feed.fileName, String(record.line), record.reason.rawValue,
            CSVText.field(record.column), CSVText.feedText(record.value), CSVText.field(record.message),
        ])
    }
}

/// `restricted/quarantine_rows.csv`, RESTRICTED personal data for the data
/// owner: each quarantined row whole, as it was read (full IDs included), so
/// the sender can be shown exactly what to correct. Mode 0600 in a 0700 folder.
public enum QuarantineRowsCSV {
    public static let header = "feed,line,reason,column,row"

    /// Writes every record's whole row to `url` (mode 0600), streaming.
    public static func write(_ records: some Sequence<QuarantineRecord>, to url: URL) throws {
        let file = try CSVFileStream(url: url, mode: 0o600)
        try file.write(header + "\n")
        for record in records { try file.write(line(record)) }
        try file.finish()
    }

    /// One record's line, with its line end.
    public static func line(_ record: QuarantineRecord) -> String {
        CSVText.line([
            record.feed.fileName, String(record.line), record.reason.rawValue,
            CSVText.field(record.column), CSVText.feedText(record.row),
        ])
    }
}
