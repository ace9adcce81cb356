import Foundation

/// Runs the real `bottomline` binary built by `swift build` and captures what it prints.
public enum CommandRunner {
    /// The repository root (three levels above this file).
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: `BOTTOMLINE_BINARY` when set, else the debug build of this checkout.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["BOTTOMLINE_BINARY"] { return URL(fileURLWithPath: path) }
        return repository.appendingPathComponent(".build/debug/bottomline")
    }

    /// What a finished command returned.
    public struct Outcome: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    /// Runs `bottomline arguments…` in the repository folder and waits for it.
    public static func run(_ arguments: [String]) throws -> Outcome {
        let process = try start(arguments)
        let output = process.standardOutputPipe.fileHandleForReading.readDataToEndOfFile()
        let errors = process.standardErrorPipe.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Outcome(status: process.process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                       errors: String(decoding: errors, as: UTF8.self))
    }

    /// A started process with its pipes.
    public struct Running {
        public let process: Process
        public let standardOutputPipe: Pipe
        public let standardErrorPipe: Pipe
    }

    /// Starts `bottomline arguments…` without waiting.
    public static func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return Running(process: process, standardOutputPipe: output, standardErrorPipe: errors)
    }
}
