import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every quarantined row of a run, kept on disk rather than in memory, so a
/// feed of millions of bad rows costs no more memory than a clean one.
///
/// Records are appended in feed (contract) then line order while the feeds
/// are read, to a file that is removed as soon as it is created (mode 0600:
/// it holds the full rows, with full IDs), and read back in the same order as
/// many times as outputs need. Appended to only by the ingest, on one thread;
/// read-only afterwards.
public final class QuarantineLog: Sequence, @unchecked Sendable {
    let descriptor: Int32
    private var pending: [UInt8] = []
    private var written = 0
    private var failure: Int32 = 0
    /// Number of records.
    public internal(set) var count = 0

    public var isEmpty: Bool { count == 0 }

    /// An empty log in the system's temporary folder.
    /// - Throws: `IngestError.quarantineNotWritable` when no temporary file can be made.
    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/bottomline-quarantine-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw IngestError.quarantineNotWritable(reason: SystemErrorText.describe(errno: errno)) }
        _ = fcntl(made, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = made
    }

    /// A log over an open file of records (see `QuarantineLog+File`); `count` is set by the caller.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Adds one record at the end.
    func append(_ record: QuarantineRecord) {
        pending.append(UInt8(Feed.allCases.firstIndex(of: record.feed) ?? 0))
        pending.append(UInt8(QuarantineReason.allCases.firstIndex(of: record.reason) ?? 0))
        Self.put(UInt64(record.line), into: &pending)
        for text in [record.column, record.value, record.message, record.row] {
            Self.put(UInt64(text.utf8.count), into: &pending)
            pending.append(contentsOf: text.utf8)
        }
        count += 1
        if pending.count >= 1 << 20 { flush() }
    }

    /// Writes what is still in memory.
    /// - Throws: `IngestError.quarantineNotWritable` when a write failed (disk full…).
    func finish() throws {
        flush()
        if failure != 0 { throw IngestError.quarantineNotWritable(reason: SystemErrorText.describe(errno: failure)) }
    }

    private func flush() {
        guard failure == 0 else { return pending.removeAll(keepingCapacity: true) }
        pending.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(written + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failure = n < 0 ? errno : ENOSPC
                    return
                }
                done += n
            }
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    private static func put(_ value: UInt64, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public func makeIterator() -> Iterator { Iterator(log: self) }

    /// Reads the records back in order, through one buffer (64 KB, larger only for a longer record).
    public struct Iterator: IteratorProtocol {
        private let log: QuarantineLog
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)
        private var filled = 0
        private var position = 0
        private var fileOffset = 0
        private var remaining: Int

        init(log: QuarantineLog) {
            self.log = log
            remaining = log.count
        }

        public mutating func next() -> QuarantineRecord? {
            guard remaining > 0, let feedIndex = byte(), let reasonIndex = byte(), let line = number() else { return nil }
            var texts: [String] = []
            for _ in 0..<4 {
                guard let length = number(), let text = text(Int(length)) else { return nil }
                texts.append(text)
            }
            remaining -= 1
            let feeds = Feed.allCases, reasons = QuarantineReason.allCases
            return QuarantineRecord(feed: feeds[Int(feedIndex) % feeds.count], line: Int(line),
                                    reason: reasons[Int(reasonIndex) % reasons.count], column: texts[0],
                                    value: texts[1], message: texts[2], row: texts[3])
        }

        private mutating func byte() -> UInt8? {
            guard ensure(1) else { return nil }
            defer { position += 1 }
            return buffer[position]
        }

        private mutating func number() -> UInt64? {
            guard ensure(8) else { return nil }
            defer { position += 8 }
            return buffer.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
        }

        /// A text of `length` bytes; nil past the end, or for a length no record has (a damaged saved log).
        private mutating func text(_ length: Int) -> String? {
            guard length <= 1 << 26, ensure(length) else { return nil }
            defer { position += length }
            return buffer.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[position..<(position + length)]), as: UTF8.self)
            }
        }

        /// Makes `count` bytes available at `position`, reading on from the file.
        private mutating func ensure(_ count: Int) -> Bool {
            if filled - position >= count { return true }
            let kept = filled - position
            if count > buffer.count {
                var larger = [UInt8](repeating: 0, count: count)
                larger.withUnsafeMutableBytes { target in
                    buffer.withUnsafeBytes { target.baseAddress!.copyMemory(from: $0.baseAddress! + position, byteCount: kept) }
                }
                buffer = larger
            } else if kept > 0 {
                let start = position
                buffer.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: $0.baseAddress! + start, byteCount: kept) }
            }
            position = 0
            filled = kept
            while filled < count {
                let got = buffer.withUnsafeMutableBytes { raw in
                    pread(log.descriptor, raw.baseAddress! + filled, raw.count - filled, off_t(fileOffset))
                }
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return false }
                filled += got
                fileOffset += got
            }
            return true
        }
    }
}
