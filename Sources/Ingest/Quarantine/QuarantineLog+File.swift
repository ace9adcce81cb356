import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quarantine log kept in a file of its own, so that a shard's quarantined
/// rows reach the merge without ever being held in memory: the shard saves its
/// log into the partial, the merge reads each partial's log back record by record.
extension QuarantineLog {
    /// Copies every record to `path`, created with mode 0600 (the records hold the full rows,
    /// full IDs included). Call after the ingest has finished.
    /// - Throws: `IngestError.quarantineNotWritable` when the file cannot be made or written.
    public func save(to path: String) throws {
        let target = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard target >= 0 else { throw IngestError.quarantineNotWritable(reason: SystemErrorText.describe(errno: errno)) }
        defer { close(target) }
        guard fchmod(target, 0o600) == 0 else {
            throw IngestError.quarantineNotWritable(reason: SystemErrorText.describe(errno: errno))
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw IngestError.quarantineNotWritable(reason: SystemErrorText.describe(errno: errno)) }
            if got == 0 { return }
            var done = 0
            while done < got {
                let n = buffer.withUnsafeBytes { write(target, $0.baseAddress! + done, got - done) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw IngestError.quarantineNotWritable(reason: SystemErrorText.describe(errno: n < 0 ? errno : ENOSPC))
                }
                done += n
            }
            offset += got
        }
    }

    /// The records saved at `path` by `save(to:)`, read from the file as they are iterated;
    /// `count` is the number of whole records in it (a cut file ends at its last whole record).
    /// - Returns: nil when the file cannot be opened.
    public static func saved(at path: String) -> QuarantineLog? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let log = QuarantineLog(descriptor: descriptor)
        log.count = Int.max
        var records = 0
        var iterator = log.makeIterator()
        while iterator.next() != nil { records += 1 }
        log.count = records
        return log
    }
}
