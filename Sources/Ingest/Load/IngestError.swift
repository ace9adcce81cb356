/// The columns of the contract that one file's header lacks (all of them when the file is missing).
public struct MissingColumns: Equatable, Sendable {
    public let file: String
    public let columns: [String]
    /// Whether the whole file is missing.
    public let fileMissing: Bool

    public init(file: String, columns: [String], fileMissing: Bool = false) {
        self.file = file
        self.columns = columns
        self.fileMissing = fileMissing
    }

    var text: String {
        fileMissing ? "\(file): the file is missing (\(columns.joined(separator: ", ")))"
            : "\(file):1: missing \(columns.joined(separator: ", "))"
    }
}

/// Problems that stop a feed from being read at all. Bad rows are not errors:
/// they are quarantined (see `QuarantineRecord`).
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case missingFile(file: String)
    case unreadableFile(file: String, reason: String)
    case emptyFile(file: String)
    /// Headers lacking contract columns, every feed of the folder at once
    /// (a folder of an older contract version lacks several).
    case missingColumns([MissingColumns])
    case undecodable(file: String, encoding: String)
    /// The file changed (grew, shrank or was rewritten) while or after it was read.
    case changedWhileRead(file: String)

    public var description: String {
        switch self {
        case .missingFile(let file):
            return "\(file): the file is missing. Every feed of the contract must be in the data folder; ask the sending department for it, or check --data."
        case .unreadableFile(let file, let reason):
            return "\(file): the file cannot be read (\(reason)). Check its permissions and that the disk is not full."
        case .emptyFile(let file):
            return "\(file):1: the file is empty; expected a header line naming the columns. Ask the sender to export it again."
        case .missingColumns(let missing):
            let count = missing.reduce(0) { $0 + $1.columns.count }
            let list = missing.map(\.text).joined(separator: "; ")
            return "the data folder does not follow feed contract version \(Feed.contractVersion): "
                + "\(count) required column\(count == 1 ? " is" : "s are") missing (\(list)). "
                + "Nothing was read. A folder of an older contract version must be exported again in version \(Feed.contractVersion) "
                + "(see docs/feeds.md); add the columns (values may be empty where the contract allows)."
        case .changedWhileRead(let file):
            return "\(file): the file changed while the run was reading it (its size or modification time moved); nothing was published. Wait until the sender has finished writing it, then run again."
        case .undecodable(let file, let encoding):
            return "\(file): cannot decode the file as \(encoding): this machine's iconv lacks it. Declare the feed utf8 in the pipeline file, or install the locale data."
        }
    }
}
