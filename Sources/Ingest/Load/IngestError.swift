/// Problems that stop a feed from being read at all. Bad rows are not errors:
/// they are quarantined (see `QuarantineRecord`).
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case missingFile(file: String)
    case unreadableFile(file: String, reason: String)
    case emptyFile(file: String)
    case missingColumn(file: String, column: String, found: [String])
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
        case .missingColumn(let file, let column, let found):
            return "\(file):1: required column '\(column)' is missing from the header (found: \(found.joined(separator: ", "))). Add the column (values may be empty where the contract allows) or ask the sender to export it again."
        case .changedWhileRead(let file):
            return "\(file): the file changed while the run was reading it (its size or modification time moved); nothing was published. Wait until the sender has finished writing it, then run again."
        case .undecodable(let file, let encoding):
            return "\(file): cannot decode the file as \(encoding): this machine's iconv lacks it. Declare the feed utf8 in the pipeline file, or install the locale data."
        }
    }
}
