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
    /// A folder, named pipe, device or socket where a feed file should be (`kind` says which).
    case notARegularFile(file: String, kind: String)
    /// A symbolic link to a file outside the data folder (refused unless `--allow-outside-links`).
    case linkLeavesFolder(file: String)
    /// A header line whose quoting is broken (`problem` says how).
    case malformedHeader(file: String, problem: String)
    /// Contract columns named more than once in the header.
    case duplicateColumns(file: String, columns: [String])
    /// A header and no data row, in a feed the pipeline does not allow to be empty.
    case noDataRows(file: String)
    /// A UTF-16 file (the contract allows UTF-8 and GB18030 only).
    case utf16(file: String, byteOrder: String)
    /// Two UTF-8 byte-order marks at the start of the file.
    case doubleByteOrderMark(file: String)
    /// NUL bytes in the header line: not a text file.
    case nulBytes(file: String)
    /// The file's bytes are not in the declared encoding but read as `likely`.
    case wrongEncoding(file: String, declared: FeedEncoding, likely: String)
    /// The registers contradict each other (each line names one problem).
    case inconsistentRegisters(file: String, problems: [String])
    /// The quarantined rows could not be kept in the temporary folder.
    case quarantineNotWritable(reason: String)

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
        case .notARegularFile(let file, let kind):
            return "\(file): this is \(kind), not a file; nothing was read. Put the feed file itself in the data folder."
        case .linkLeavesFolder(let file):
            return "\(file): this is a link to a file outside the data folder; nothing was read from it. "
                + "Copy the feed into the data folder, or run with --allow-outside-links if the link is intended."
        case .malformedHeader(let file, let problem):
            return "\(file):1: the header line \(problem); expected the column names separated by commas. "
                + "Ask the sender to export the file again."
        case .duplicateColumns(let file, let columns):
            return "\(file):1: the header names \(EchoedInput.list(columns)) more than once; "
                + "which one holds the data cannot be told. Remove the extra column and run again."
        case .noDataRows(let file):
            return "\(file): the file has a header but no data rows, so every figure built on it would be zero. "
                + "Ask the sender for the rows, or mark the feed 'may_be_empty: true' in the pipeline file if an empty feed is normal."
        case .utf16(let file, let byteOrder):
            return "\(file):1: the file is in UTF-16 (\(byteOrder)); the contract allows UTF-8 or GB18030. "
                + "Save it again as \"CSV UTF-8\" (or GB18030, declared in the pipeline file)."
        case .doubleByteOrderMark(let file):
            return "\(file):1: the file starts with two UTF-8 byte-order marks (the invisible EF BB BF, twice); "
                + "the first column name would not match. Save it again as \"CSV UTF-8\"."
        case .nulBytes(let file):
            return "\(file):1: the header line holds NUL bytes: this is not a CSV text file (a UTF-16 or binary export?). "
                + "Save it again as \"CSV UTF-8\"."
        case .wrongEncoding(let file, let declared, let likely):
            return "\(file): the pipeline file declares \(declared.rawValue) but the file reads as \(likely); "
                + "read as \(declared.rawValue) its names would be garbled. Change the feed's encoding in the pipeline file "
                + "to \(likely == "UTF-8" ? "utf8" : "gb18030"), or ask the sender to export it again."
        case .inconsistentRegisters(let file, let problems):
            let shown = problems.prefix(10).joined(separator: "; ")
            let more = problems.count > 10 ? "; and \(problems.count - 10) more" : ""
            return "\(file): the registers contradict each other: \(shown)\(more). Nothing was published; "
                + "correct the register with its sender and run again."
        case .quarantineNotWritable(let reason):
            return "the quarantined rows cannot be kept in the temporary folder (\(reason)); "
                + "free space there (or point TMPDIR at a larger disk) and run again."
        case .undecodable(let file, let encoding):
            return "\(file): cannot decode the file as \(encoding): this machine's iconv lacks it. Declare the feed utf8 in the pipeline file, or install the locale data."
        }
    }
}
