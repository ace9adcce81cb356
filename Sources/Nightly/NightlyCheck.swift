import Engine
import Foundation
import Ingest
import Reports

/// `check`: reads and validates every feed, prints the accounting and, when
/// asked, writes `quarantine.csv` into a folder (that one file only: the
/// folder's other files are left as they are).
public struct NightlyCheck {
    public let pipeline: String
    public let data: String
    public let date: String
    public let threads: Int
    /// The folder that receives `quarantine.csv`, if any.
    public let out: String?
    public let log: @Sendable (String) -> Void
    public let readProgress: (@Sendable (Feed, Int, Int, Int) -> Void)?
    /// Whether a feed may be a symbolic link to a file outside the data folder.
    public var allowOutsideLinks = false

    public init(pipeline: String, data: String, date: String, threads: Int, out: String?,
                log: @escaping @Sendable (String) -> Void, readProgress: (@Sendable (Feed, Int, Int, Int) -> Void)?) {
        self.pipeline = pipeline
        self.data = data
        self.date = date
        self.threads = threads
        self.out = out
        self.log = log
        self.readProgress = readProgress
    }

    /// Runs the check; returns the accounting table to print and how the command ends.
    public func execute() -> (report: String, status: ExitStatus) {
        let definition: PipelineDefinition
        do {
            definition = try PipelineFile.load(path: pipeline)
        } catch {
            log("\(error)")
            return ("", .pipelineError)
        }
        guard let referenceDate = DayNumber.parse(date) else {
            log("error: --date \(date) is not a real date; write it as YYYY-MM-DD")
            return ("", .pipelineError)
        }
        let ingest: IngestResult
        do {
            ingest = try Ingestor.load(folder: data, options: Self.ingestOptions(
                threads, referenceDate: referenceDate, pipeline: definition, allowOutsideLinks: allowOutsideLinks,
                log: log, readProgress: readProgress))
        } catch {
            log("error: \(error)")
            return ("", .feedUnreadable)
        }
        let report = AccountingTable.text(ingest.accounting, maximumShare: ingest.maxQuarantineShare)
        if let out {
            do {
                try QuarantineFolder.write(ingest.quarantine, into: out)
            } catch {
                log("error: \(error)")
                return (report, .outputFailed)
            }
        }
        for feed in ingest.failingFeeds {
            log("error: \(feed.feed.fileName): \(feed.quarantined) of \(feed.read) rows quarantined "
                + String(format: "(%.2f%%)", feed.quarantinedShare * 100)
                + String(format: ", over the limit of %.2f%%", ingest.maxQuarantineShare * 100)
                + "; see quarantine.csv, fix the feed with its sender and run again.")
        }
        return (report, ingest.passes ? .success : .feedRejected)
    }

    /// Ingest settings from the pipeline file, with the log line per feed and live progress.
    static func ingestOptions(_ threads: Int, referenceDate: Int32, pipeline: PipelineDefinition,
                              allowOutsideLinks: Bool, log: @escaping @Sendable (String) -> Void,
                              readProgress: (@Sendable (Feed, Int, Int, Int) -> Void)?) -> IngestOptions {
        var options = IngestOptions(referenceDate: referenceDate, encodings: pipeline.encodings,
                                    maxQuarantineShare: pipeline.maxQuarantineShare, threads: threads, progress: log)
        options.readProgress = readProgress
        options.feedsThatMayBeEmpty = pipeline.feedsThatMayBeEmpty
        options.provinceCode = pipeline.provinceCode
        options.nationProvinces = pipeline.nationProvinces
        options.allowOutsideLinks = allowOutsideLinks
        return options
    }
}
