import Foundation
import Ingest
import Reports

/// What a night's run is told by the command line.
public struct NightSettings: Sendable {
    /// The pipeline file (YAML).
    public var pipeline: String
    /// The folder holding the feed files.
    public var data: String
    /// The reference date, `YYYY-MM-DD`.
    public var date: String
    public var threads: Int
    /// The output folder, replaced as a whole when the run succeeds.
    public var out: String
    /// The SQLite warehouse, when the run keeps its figures there.
    public var warehouse: String?
    public var report: ReportOptions
    /// Where progress and problems go, one line at a time (standard error).
    public var log: @Sendable (String) -> Void
    /// Told while a feed is read: feed, bytes done, bytes in all, rows (live progress on a terminal).
    public var readProgress: (@Sendable (Feed, Int, Int, Int) -> Void)?
    /// Whether a feed may be a symbolic link to a file outside the data folder.
    public var allowOutsideLinks = false

    public init(pipeline: String, data: String, date: String, threads: Int, out: String, warehouse: String?,
                report: ReportOptions = ReportOptions(), log: @escaping @Sendable (String) -> Void,
                readProgress: (@Sendable (Feed, Int, Int, Int) -> Void)? = nil) {
        self.pipeline = pipeline
        self.data = data
        self.date = date
        self.threads = threads
        self.out = out
        self.warehouse = warehouse
        self.report = report
        self.report.threads = threads
        self.log = log
        self.readProgress = readProgress
    }
}
