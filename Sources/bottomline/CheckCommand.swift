import ArgumentParser
import Nightly

/// `bottomline check`: reads and validates every feed, prints the accounting.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and validate every feed; print rows read, accepted and quarantined by reason.",
        discussion: "Exit 0 when every feed passes, 3 when a feed cannot be read, 4 when a feed has too many bad rows.")

    @OptionGroup var options: CommonOptions

    @Option(help: "Write quarantine.csv into this folder (only that file is replaced).")
    var out: String?

    func run() throws {
        var check = NightlyCheck(pipeline: options.pipeline, data: options.data, date: options.date,
                                 threads: options.threads, out: out, log: logLine, readProgress: options.readProgress)
        check.allowOutsideLinks = options.allowOutsideLinks
        let (report, status) = check.execute()
        print(report, terminator: "")
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
