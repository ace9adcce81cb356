import Foundation
import Ingest

/// `quarantine.csv`: every quarantined row with where it is and why; resident
/// and household IDs in it are masked (`IDMask`), so it is a public file.
public enum QuarantineCSV {
    public static let header = "feed,line,reason,column,value,message"

    /// Writes every record, in the order given (feed then line), to `url`, streaming.
    public static func write(_ records: some Sequence<QuarantineRecord>, to url: URL) throws {
        try CSVFileStream.write(records, header: header, to: url, mode: 0o644, line: line)
    }

    /// One record's line, with its line end.
    public static func line(_ record: QuarantineRecord) -> String {
        CSVText.line([
            record.feed.fileName, String(record.line), record.reason.rawValue,
            CSVText.field(record.column), CSVText.feedText(record.value), CSVText.field(record.message),
        ])
    }
}
