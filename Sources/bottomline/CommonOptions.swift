import ArgumentParser
import Engine
import Foundation
import Ingest

/// Options shared by the commands that read a night's feeds.
struct CommonOptions: ParsableArguments {
    @Option(help: "The pipeline file (YAML).")
    var pipeline: String = "Pipelines/guizhou.yaml"

    @Option(help: "The folder holding the nine feed files.")
    var data: String

    @Option(help: "The reference date of the run, YYYY-MM-DD.")
    var date: String

    @Option(help: "Worker threads (default: the active processors).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    /// The reference date as a day number.
    var referenceDate: Int32 {
        get throws {
            guard let day = DayNumber.parse(date) else {
                throw ValidationError("--date \(date) is not a real date; write it as YYYY-MM-DD, e.g. 2026-11-28")
            }
            return day
        }
    }

    /// Ingest settings from these options and the pipeline file, with the log
    /// line per feed and, on a terminal, live progress.
    func ingestOptions(referenceDate: Int32, pipeline: PipelineDefinition) -> IngestOptions {
        var settings = IngestOptions(referenceDate: referenceDate, encodings: pipeline.encodings,
                                     maxQuarantineShare: pipeline.maxQuarantineShare, threads: threads, progress: logLine)
        let progress = TerminalProgress()
        if progress.enabled {
            settings.readProgress = { feed, done, total, rows in
                progress.update("ingest \(feed.fileName)", done: done, total: total, rows: rows, bytes: done)
            }
        }
        return settings
    }

    func validate() throws {
        _ = try referenceDate
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }
}

/// How the commands end, as documented in docs/operations.md.
enum ExitStatus: Int32 {
    case success = 0
    case pipelineError = 2
    case feedUnreadable = 3
    case feedRejected = 4
    case warehouseBusy = 5
    case outputFailed = 6
}

/// Writes one line to standard error (progress and problems).
func logLine(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
