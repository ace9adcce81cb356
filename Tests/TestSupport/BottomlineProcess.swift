import Foundation

/// Runs the built `bottomline` binary (next to the test bundle) and collects what it printed.
public enum BottomlineProcess {
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The binary built with the tests (`swift build --build-tests` builds it).
    public static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("bottomline")
    }

    /// Runs `bottomline arguments…` to the end; its output goes through files, so it never blocks on a full pipe.
    public static func run(_ arguments: [String]) throws -> Result {
        let folder = try TemporaryFolder()
        let outputPath = folder.file("stdout"), errorPath = folder.file("stderr")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return Result(status: process.terminationStatus,
                      standardOutput: try String(contentsOfFile: outputPath, encoding: .utf8),
                      standardError: try String(contentsOfFile: errorPath, encoding: .utf8))
    }
}
