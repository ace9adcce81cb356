import ArgumentParser
import Engine
import Foundation
import Ingest
import Reports

/// `bottomline check`: reads and validates every feed, prints the accounting.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and validate every feed; print rows read, accepted and quarantined by reason.",
        discussion: "Exit 0 when every feed passes, 3 when a feed cannot be read, 4 when a feed has too many bad rows.")

    @OptionGroup var options: CommonOptions

    @Option(help: "Write quarantine.csv into this folder.")
    var out: String?

    func run() throws {
        let pipeline: PipelineDefinition
        do {
            pipeline = try PipelineFile.load(path: options.pipeline)
        } catch let error as PipelineError {
            logLine(error.description)
            throw ExitCode(ExitStatus.pipelineError.rawValue)
        }
        let ingest: IngestResult
        do {
            ingest = try Ingestor.load(folder: options.data, options: options.ingestOptions(
                referenceDate: try options.referenceDate, pipeline: pipeline))
        } catch let error as IngestError {
            logLine("error: " + error.description)
            throw ExitCode(ExitStatus.feedUnreadable.rawValue)
        }
        print(AccountingTable.text(ingest.accounting, maximumShare: ingest.maxQuarantineShare), terminator: "")
        if let out {
            let folder = try OutputFolder(destination: out)
            try folder.write(QuarantineCSV.text(ingest.quarantine), to: "quarantine.csv")
            try folder.publish()
        }
        for feed in ingest.failingFeeds {
            logLine("error: \(feed.feed.fileName): \(feed.quarantined) of \(feed.read) rows quarantined "
                + String(format: "(%.2f%%)", feed.quarantinedShare * 100)
                + String(format: ", over the limit of %.2f%%", ingest.maxQuarantineShare * 100)
                + "; see quarantine.csv, fix the feed with its sender and run again.")
        }
        if !ingest.passes { throw ExitCode(ExitStatus.feedRejected.rawValue) }
    }
}
