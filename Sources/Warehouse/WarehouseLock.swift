import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive advisory lock on `WAREHOUSE.lock` that keeps two runs from
/// writing the same warehouse. The kernel drops it when the process ends, so a
/// killed run never leaves the warehouse locked; the file itself stays.
final class WarehouseLock {
    let path: String
    private var descriptor: Int32

    /// Takes the lock at once or throws `WarehouseError.busy`.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WarehouseError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.holder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK {
                throw WarehouseError.busy(lockPath: path, holder: holder)
            }
            throw WarehouseError.cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
        note("pid \(getpid()) since \(Timestamp.now())\n")
    }

    deinit { release() }

    /// Gives the lock up; harmless when already released.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Writes who holds the lock into the file, for the next run's message.
    private func note(_ text: String) {
        guard ftruncate(descriptor, 0) == 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// What the holder wrote into the lock file ("pid 123 since …"), if anything.
    private static func holder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 200)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
