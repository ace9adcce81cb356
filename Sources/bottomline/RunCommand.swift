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

            With --shard-of N --shard K (or --counties) the run is one shard of a larger night: it reads
            only its counties' rows, writes a partial into --out and publishes nothing; `bottomline merge`
            adds the partials up (docs/partials.md). County C belongs to shard C mod N.
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

    @Option(name: .customLong("shard-of"), help: "Run as one of N shards: write a partial for `merge` into --out.")
    var shardOf: Int?

    @Option(help: "Which shard, from 0 to N-1 (with --shard-of); county C goes to shard C mod N.")
    var shard: Int?

    @Option(help: "Run as the shard of exactly these counties (6-digit codes, comma-separated): write a partial.")
    var counties: String?

    @Option(help: "County boundaries for the report's maps (default: maps/<pipeline>.counties.json beside the pipeline when it exists; none: bar charts).")
    var countyMap: String?

    func validate() throws {
        if (shardOf == nil) != (shard == nil) { throw ValidationError("--shard-of and --shard go together") }
        if let shardOf, let shard {
            guard shardOf >= 1, shard >= 0, shard < shardOf else {
                throw ValidationError("--shard must be from 0 to --shard-of minus 1 (got --shard-of \(shardOf) --shard \(shard))")
            }
            guard counties == nil else { throw ValidationError("give either --shard-of/--shard or --counties, not both") }
        }
        if counties != nil || shardOf != nil, warehouse != nil {
            throw ValidationError("a shard run writes a partial and no warehouse: give --warehouse to `merge` instead")
        }
        _ = try selection()
    }

    /// The shard this run computes, nil for a whole night.
    func selection() throws -> ShardSelection? {
        if let shardOf, let shard { return .dealt(count: shardOf, index: shard) }
        guard let counties else { return nil }
        let codes = counties.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty, codes.allSatisfy({ $0.count == 6 && $0.allSatisfy(\.isASCII) && Int64($0) != nil }) else {
            throw ValidationError("--counties takes 6-digit county codes separated by commas, e.g. 520102,520103")
        }
        return .counties(codes.compactMap { Int64($0) })
    }

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
        let outcome = try selection().map { ShardRun(settings: settings, selection: $0).execute() }
            ?? NightlyRun(settings: settings).execute()
        if outcome != .success { throw ExitCode(outcome.rawValue) }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
extension SpreadsheetEncoding: ExpressibleByArgument {}
