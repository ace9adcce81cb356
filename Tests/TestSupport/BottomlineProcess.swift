import Foundation

/// Runs the built `bottomline` binary (next to the test bundle) and collects what it printed.
public enum BottomlineProcess {
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The repository root (three levels above this file); commands run there.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built with the tests (`swift build --build-tests` builds it);
    /// `BOTTOMLINE_BINARY` overrides it.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["BOTTOMLINE_BINARY"] { return URL(fileURLWithPath: path) }
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("bottomline")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repository.appendingPathComponent(".build/debug/bottomline")
    }

    /// The household key the commands use unless a test names its own: one file per test process in the
    /// temporary folder, so tests never write a key into the repository's `out/`.
    public static let householdKey = FileManager.default.temporaryDirectory
        .appendingPathComponent("bottomline-test-household-\(getpid()).key").path

    /// Runs `bottomline arguments…` to the end; its output goes through files, so it never blocks on a full pipe.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let folder = try TemporaryFolder()
        let running = try start(arguments, outputFolder: folder, environment: environment)
        running.process.waitUntilExit()
        return try running.finish()
    }

    /// A started command whose output goes to files.
    public struct Running {
        public let process: Process
        let outputPath: String
        let errorPath: String
        let folder: TemporaryFolder

        /// What the command has written to standard error so far.
        public func standardErrorSoFar() -> String {
            (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        }

        /// The result, once the process has ended.
        public func finish() throws -> Result {
            Result(status: process.terminationStatus,
                   standardOutput: try String(contentsOfFile: outputPath, encoding: .utf8),
                   standardError: try String(contentsOfFile: errorPath, encoding: .utf8))
        }
    }

    /// Starts `bottomline arguments…` in the repository folder without waiting.
    /// `environment` adds to (or replaces) the test process's variables; `BOTTOMLINE_HOUSEHOLD_KEY` defaults to `householdKey`.
    public static func start(_ arguments: [String], outputFolder: TemporaryFolder? = nil,
                             environment: [String: String] = [:]) throws -> Running {
        let folder = try outputFolder ?? TemporaryFolder()
        let outputPath = folder.file("stdout"), errorPath = folder.file("stderr")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        if variables["BOTTOMLINE_HOUSEHOLD_KEY"] == nil { variables["BOTTOMLINE_HOUSEHOLD_KEY"] = householdKey }
        process.environment = variables.merging(environment) { _, new in new }
        process.currentDirectoryURL = repository
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try output.close()
        try errors.close()
        return Running(process: process, outputPath: outputPath, errorPath: errorPath, folder: folder)
    }
}
