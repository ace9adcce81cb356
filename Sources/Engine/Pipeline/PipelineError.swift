/// A problem in the pipeline file, with the place it was found.
/// Rendered as `file:line:column: error: message`, like a compiler.
public struct PipelineError: Error, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line in the pipeline file.
    public let line: Int
    /// 1-based column in the pipeline file.
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// A place in the pipeline file.
public struct SourceLocation: Sendable, Equatable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
