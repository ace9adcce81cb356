/// How a command ends, as documented in docs/operations.md.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// An `--out` that would replace the feeds, the pipeline file or the warehouse.
    /// (Options the parser rejects end with 64.)
    case wrongOptions = 1
    case pipelineError = 2
    case feedUnreadable = 3
    case feedRejected = 4
    case warehouseBusy = 5
    case outputFailed = 6
    /// `merge`: the partials do not fit together (another pipeline, date,
    /// contract or feeds; a county missing or computed twice).
    case partialsDoNotFit = 7
    /// Stopped by Ctrl-C (SIGINT): 128 + 2.
    case interrupted = 130
    /// Stopped by SIGTERM (`kill`, a shutdown): 128 + 15.
    case terminated = 143
}

/// A stage that cannot go on: how the command ends and what to tell the statistician.
public struct NightFailure: Error, CustomStringConvertible {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
