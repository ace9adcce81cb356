import ArgumentParser
import Foundation
import Ingest
import Nightly
import Reports

/// `bottomline merge`: adds up the shards' partials and publishes the night.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the partials of a night's shards and publish the outputs exactly like one run.",
        discussion: """
            Each --partials folder is one shard's --out (bottomline run --shard-of N --shard K). The
            partials must share the pipeline file (by SHA-256), the date, the feed contract and the feed
            files, and every county of regions.csv must be in exactly one of them; otherwise nothing is
            published. Exit codes as for run (docs/operations.md), and 7 when the partials do not fit together.
            """)

    @Option(help: "The pipeline file (YAML) the shards ran.")
    var pipeline: String = "Pipelines/guizhou.yaml"

    @Option(parsing: .upToNextOption, help: "The shards' partial folders (their --out).")
    var partials: [String]

    @Option(help: "The output folder (replaced as a whole when the merge succeeds).")
    var out: String

    @Option(help: "The SQLite warehouse that keeps every night's figures (created when missing).")
    var warehouse: String?

    @Option(help: "The reference date of the night, YYYY-MM-DD.")
    var date: String

    @Option(help: "Language of the summary, workbook, report and clue lists: zh or en.")
    var lang: ReportLanguage = .zh

    @Option(help: "Encoding of county_summary.csv and the clue lists: utf8-bom or gb18030.")
    var summaryEncoding: SpreadsheetEncoding = .utf8BOM

    @Option(help: "Worker threads that write the outputs (default: the active processors).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "County boundaries for the report's maps (default: maps/<pipeline>.counties.json beside the pipeline when it exists; none: bar charts).")
    var countyMap: String?

    func validate() throws {
        guard DayNumber.parse(date) != nil else {
            throw ValidationError("--date \(date) is not a real date; write it as YYYY-MM-DD, e.g. 2026-11-28")
        }
        guard !partials.isEmpty else { throw ValidationError("give at least one --partials folder") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let map: CountyMap?
        do {
            map = try CountyMap.forRun(pipeline: pipeline, choice: countyMap)
        } catch {
            logLine("error: \(error)")
            throw ExitCode(ExitStatus.pipelineError.rawValue)
        }
        let settings = MergeSettings(pipeline: pipeline, partials: partials, date: date, out: out, warehouse: warehouse,
                                     report: ReportOptions(language: lang, spreadsheetEncoding: summaryEncoding,
                                                           countyMap: map, threads: threads),
                                     log: logLine)
        let outcome = NightlyMerge(settings: settings).execute()
        if outcome != .success { throw ExitCode(outcome.rawValue) }
    }
}
