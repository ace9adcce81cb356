import ArgumentParser
import Foundation
import Ingest

/// The `bottomline` command: a thin layer that wires the stages together.
@main
struct Bottomline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bottomline",
        abstract: "Nightly rural-revitalisation monitoring: ingest the feeds, compute the indicators, publish the figures.",
        subcommands: [CheckCommand.self, RunCommand.self, MergeCommand.self, GenerateCommand.self, HistoryCommand.self, DiffCommand.self]
    )

    /// Parses the command line and runs the command. A bad option exits 1 (as
    /// docs/operations.md says), not ArgumentParser's 64; a system error is
    /// printed in plain words.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            finish(error)
        }
    }

    /// Exits for `error`: help and `ExitCode` as ArgumentParser does, a usage
    /// error with 1, a system error in plain words with 1.
    private static func finish(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if error is ExitCode || code == .success { exit(withError: error) }
        if code == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(1)
        }
        let domain = (error as NSError).domain
        guard domain == NSCocoaErrorDomain || domain == NSPOSIXErrorDomain else { exit(withError: error) }
        FileHandle.standardError.write(Data(("error: " + SystemErrorText.describe(error) + "\n").utf8))
        Foundation.exit(1)
    }
}
