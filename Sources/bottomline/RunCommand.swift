import ArgumentParser
import Engine
import Foundation
import Ingest
import Reports

/// `bottomline run`: the nightly job — ingest, compute, publish.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compute every indicator of the pipeline for a night's feeds and publish the outputs.",
        discussion: """
            Outputs are written to a staging folder and put in place only when the run succeeds;
            a failed run leaves the previous outputs as they were. Exit codes: 0 success,
            2 pipeline file error, 3 a feed cannot be read, 4 a feed has too many bad rows,
            5 the warehouse is in use by another run, 6 outputs could not be written.
            """)

    @OptionGroup var options: CommonOptions

    @Option(help: "The output folder (replaced as a whole when the run succeeds).")
    var out: String

    func run() throws {
        let outcome = NightlyRun(options: options, out: out).execute()
        if outcome != .success { throw ExitCode(outcome.rawValue) }
    }
}
