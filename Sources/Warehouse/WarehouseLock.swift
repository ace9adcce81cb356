import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive advisory lock that keeps two runs from writing the same
/// warehouse. It is a `flock` on the SQLite file itself, so it follows the
/// file's identity (device and inode): a symbolic link, a second hard link or
/// another spelling of the path meets the same lock. Who holds it is noted in
/// `WAREHOUSE.lock` beside the real file. The kernel drops the lock when the
/// process ends, so a killed run never leaves the warehouse locked.
final class WarehouseLock {
    /// The note naming the holder (the real path of the warehouse + `.lock`).
    let path: String
    private var descriptor: Int32

    /// Takes the lock on the warehouse file at `database` (created empty when
    /// missing) at once, or throws `WarehouseError.busy`.
    init(database: String) throws {
        descriptor = open(database, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WarehouseError.cannotOpen(path: database, reason: String(cString: strerror(errno)))
        }
        if let real = realpath(database, nil) {
            path = String(cString: real) + ".lock"
            free(real)
        } else {
            path = database + ".lock"
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK {
                throw WarehouseError.busy(lockPath: path, holder: Self.holder(path))
            }
            throw WarehouseError.cannotOpen(path: database, reason: String(cString: strerror(code)))
        }
        note("pid \(getpid()) since \(Timestamp.now())\n")
    }

    deinit { release() }

    /// Gives the lock up; harmless when already released. Called after the
    /// database is closed: closing a descriptor of the SQLite file drops the
    /// process's SQLite locks on it.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Writes who holds the lock into the note, for the next run's message.
    private func note(_ text: String) {
        let note = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard note >= 0 else { return }
        defer { close(note) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(note, $0.baseAddress, $0.count, 0) }
    }

    /// What the holder wrote into the note ("pid 123 since …"), if anything.
    private static func holder(_ path: String) -> String? {
        let note = open(path, O_RDONLY | O_CLOEXEC)
        guard note >= 0 else { return nil }
        defer { close(note) }
        var buffer = [UInt8](repeating: 0, count: 200)
        let count = buffer.withUnsafeMutableBytes { pread(note, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
