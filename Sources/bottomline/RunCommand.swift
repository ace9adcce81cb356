import ArgumentParser
import Engine
import Foundation
import Ingest
import Nightly
import Reports

/// `bottomline run`: the nightly job — ingest, compute, publish.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compute every indicator of the pipeline for a night's feeds and publish the outputs.",
        discussion: """
            Outputs are written to a staging folder and put in place only when the run succeeds;
            a failed run leaves the previous outputs as they were, and a killed one is finished
            or undone by the next command (docs/operations.md). Exit codes: 0 success,
            1 wrong options or an --out that holds the feeds, the pipeline or the warehouse,
            2 pipeline file error, 3 a feed cannot be read or changed during the run,
            4 a feed has too many bad rows, 5 the warehouse is in use by another run,
            6 outputs could not be written, 130 stopped by Ctrl-C, 143 stopped by SIGTERM.
            """)

    @OptionGroup var options: CommonOptions

    @Option(help: "The output folder (replaced as a whole when the run succeeds).")
    var out: String

    @Option(help: "The SQLite warehouse that keeps every night's figures (created when missing).")
    var warehouse: String?

    @Option(help: "Language of the summary, workbook, report and clue lists: zh or en.")
    var lang: ReportLanguage = .zh

    @Option(help: "Encoding of county_summary.csv and the clue lists: utf8-bom or gb18030.")
    var summaryEncoding: SpreadsheetEncoding = .utf8BOM

    @Option(help: "County boundaries for the report's maps (default: maps/<pipeline>.counties.json beside the pipeline when it exists; none: bar charts).")
    var countyMap: String?

    func run() throws {
        let map: CountyMap?
        do {
            map = try CountyMap.forRun(pipeline: options.pipeline, choice: countyMap)
        } catch {
            logLine("error: \(error)")
            throw ExitCode(ExitStatus.pipelineError.rawValue)
        }
        let report = ReportOptions(language: lang, spreadsheetEncoding: summaryEncoding, countyMap: map)
        var settings = NightSettings(pipeline: options.pipeline, data: options.data, date: options.date,
                                     threads: options.threads, out: out, warehouse: warehouse, report: report,
                                     log: logLine, readProgress: options.readProgress)
        settings.allowOutsideLinks = options.allowOutsideLinks
        let outcome = NightlyRun(settings: settings).execute()
        if outcome != .success { throw ExitCode(outcome.rawValue) }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
extension SpreadsheetEncoding: ExpressibleByArgument {}
