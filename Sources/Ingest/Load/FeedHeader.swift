#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The header line of a feed file, read on its own before any feed is
/// loaded, so that a folder of another contract version is refused whole,
/// with every missing column named, before a single row is read.
enum FeedHeader {
    /// Bytes read from the start of a file to find its header.
    static let window = 1 << 16

    /// The column names of the file's first line (header names are ASCII in
    /// every encoding the contract allows, so no decoding is needed), and the
    /// file's identity before it was read (the load checks that it still holds).
    /// - Throws: `IngestError` when the file is missing, not a regular file, unreadable,
    ///   empty, not in its declared encoding, or its header is malformed.
    static func names(folder: String, file: String, encoding: FeedEncoding,
                      allowOutsideLinks: Bool) throws -> (names: [String], identity: FileIdentity) {
        let descriptor = try FeedPath.open(folder: folder, name: file, allowOutsideLinks: allowOutsideLinks)
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IngestError.unreadableFile(file: file, reason: SystemErrorText.describe(errno: errno))
        }
        let identity = FileIdentity(status)
        var bytes = [UInt8](repeating: 0, count: window)
        var count = 0
        while count < window {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, window - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw IngestError.unreadableFile(file: file, reason: SystemErrorText.describe(errno: errno)) }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        guard !bytes.isEmpty else { throw IngestError.emptyFile(file: file) }
        try EncodingCheck.check(bytes, declared: encoding, file: file)
        // A byte-order mark: UTF-8, or GB18030's (U+FEFF encoded in four bytes).
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) ? 4 : 0
        let names = try bytes.withUnsafeBufferPointer { buffer -> [String] in
            var scanner = RecordScanner(bytes: buffer, start: start, limit: buffer.count, expectedFields: 16)
            switch scanner.next() {
            case .end:
                throw IngestError.emptyFile(file: file)
            case .malformed(_, _, .unclosedQuote):
                throw IngestError.malformedHeader(file: file, problem: "opens a quote that is never closed")
            case .malformed(_, _, .textAfterClosingQuote):
                throw IngestError.malformedHeader(file: file, problem: "has text after a closing quote")
            case .record:
                return (0..<scanner.fieldCount).map { i in
                    let span = scanner.fields[i]
                    return String(decoding: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]), as: UTF8.self)
                }
            }
        }
        return (names, identity)
    }

    /// Checks that every feed of `folder` is there with every contract column.
    /// - Throws: `IngestError.missingColumns` naming every missing column of every
    ///   feed (and the feeds missing whole) when some header lacks a column — a
    ///   folder of another contract version; else `missingFile` for the first
    ///   missing feed; `duplicateColumns` and the errors of `names` as found.
    /// - Returns: each feed's file identity when its header was read.
    static func checkColumns(folder: String, encodings: [Feed: FeedEncoding],
                             allowOutsideLinks: Bool) throws -> [Feed: FileIdentity] {
        var missing: [MissingColumns] = []
        var identities: [Feed: FileIdentity] = [:]
        for feed in Feed.allCases {
            do {
                let header = try names(folder: folder, file: feed.fileName, encoding: encodings[feed] ?? .utf8,
                                       allowOutsideLinks: allowOutsideLinks)
                identities[feed] = header.identity
                let repeated = feed.schema.repeatedColumns(in: header.names)
                if !repeated.isEmpty { throw IngestError.duplicateColumns(file: feed.fileName, columns: repeated) }
                let absent = feed.schema.missingColumns(in: header.names)
                if !absent.isEmpty { missing.append(MissingColumns(file: feed.fileName, columns: absent)) }
            } catch IngestError.missingFile {
                missing.append(MissingColumns(file: feed.fileName, columns: feed.schema.columnNames, fileMissing: true))
            }
        }
        if missing.contains(where: { !$0.fileMissing }) { throw IngestError.missingColumns(missing) }
        if let first = missing.first { throw IngestError.missingFile(file: first.file) }
        return identities
    }
}

extension FeedSchema {
    /// The contract columns that `header` lacks, in contract order.
    func missingColumns(in header: [String]) -> [String] {
        let present = Set(header)
        return fields.map(\.name).filter { !present.contains($0) }
    }

    /// The contract columns that `header` names more than once, in contract order.
    func repeatedColumns(in header: [String]) -> [String] {
        fields.map(\.name).filter { name in header.lazy.filter { $0 == name }.count > 1 }
    }
}
