import Foundation
import Ingest

/// One output format of the meeting outputs (like GRDB's `DumpFormat`):
/// each format is one small type that writes its file(s) into the run's folder.
public protocol MeetingOutput: Sendable {
    /// The file or folder it writes, relative to the output folder.
    var path: String { get }
    /// Writes the output into `folder` (which exists).
    func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws
}

/// The files for the morning meeting: the county summary as CSV and XLSX, the
/// HTML report, one restricted clue list per county and the restricted compliance lists.
public enum MeetingOutputs {
    /// Every format, in the order they are written.
    public static let formats: [any MeetingOutput] = [
        CountySummaryCSV(), CountySummaryWorkbook(), HTMLReport(), ClueListFiles(), ComplianceListFiles(),
    ]

    /// Writes every format into `folder`, creating it when needed.
    /// - Throws: `ReportError` naming the file that could not be written.
    public static func write(_ inputs: ReportInputs, options: ReportOptions = ReportOptions(), to folder: String) throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: folder, reason: SystemErrorText.describe(error))
        }
        for format in formats {
            try format.write(inputs, options: options, to: url)
        }
    }
}
