import Foundation
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
    /// - Throws: `IngestError` when the file is missing, unreadable or empty.
    static func names(path: String, file: String) throws -> (names: [String], identity: FileIdentity) {
        guard FileManager.default.fileExists(atPath: path) else { throw IngestError.missingFile(file: file) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.unreadableFile(file: file, reason: "permission denied")
        }
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0 else {
            throw IngestError.unreadableFile(file: file, reason: String(cString: strerror(errno)))
        }
        let identity = FileIdentity(status)
        let data: Data
        do {
            data = try handle.read(upToCount: window) ?? Data()
        } catch {
            throw IngestError.unreadableFile(file: file, reason: error.localizedDescription)
        }
        guard !data.isEmpty else { throw IngestError.emptyFile(file: file) }
        let bytes = [UInt8](data)
        // A byte-order mark: UTF-8, or GB18030's (U+FEFF encoded in four bytes).
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) ? 4 : 0
        let names = try bytes.withUnsafeBufferPointer { buffer -> [String] in
            var scanner = RecordScanner(bytes: buffer, start: start, limit: buffer.count, expectedFields: 16)
            guard case .record = scanner.next() else { throw IngestError.emptyFile(file: file) }
            return (0..<scanner.fieldCount).map { i in
                let span = scanner.fields[i]
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]), as: UTF8.self)
            }
        }
        return (names, identity)
    }

    /// Checks that every feed of `folder` is there with every contract column.
    /// - Throws: `IngestError.missingColumns` naming every missing column of every
    ///   feed (and the feeds missing whole) when some header lacks a column — a
    ///   folder of another contract version; else `missingFile` for the first
    ///   missing feed; `emptyFile` or `unreadableFile` as found.
    /// - Returns: each feed's file identity when its header was read.
    static func checkColumns(folder: String) throws -> [Feed: FileIdentity] {
        var missing: [MissingColumns] = []
        var identities: [Feed: FileIdentity] = [:]
        for feed in Feed.allCases {
            let path = (folder as NSString).appendingPathComponent(feed.fileName)
            do {
                let header = try names(path: path, file: feed.fileName)
                identities[feed] = header.identity
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
}
