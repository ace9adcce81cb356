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

    @Flag(help: "Read feeds that are symbolic links to files outside the data folder (refused otherwise).")
    var allowOutsideLinks = false

    /// Live progress of a feed's reading, on a terminal only.
    var readProgress: (@Sendable (Feed, Int, Int, Int) -> Void)? {
        let progress = TerminalProgress()
        guard progress.enabled else { return nil }
        return { feed, done, total, rows in
            progress.update("ingest \(feed.fileName)", done: done, total: total, rows: rows, bytes: done)
        }
    }

    func validate() throws {
        guard DayNumber.parse(date) != nil else {
            throw ValidationError("--date \(date) is not a real date; write it as YYYY-MM-DD, e.g. 2026-11-28")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }
}

/// Writes one line to standard error (progress and problems).
@Sendable func logLine(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
