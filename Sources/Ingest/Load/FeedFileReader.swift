#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a feed file's bytes with `read(2)`.
enum FeedFileReader {
    /// Reads `size` bytes into `buffer`.
    /// - Throws: `IngestError.changedWhileRead` when the file ends early or goes on past `size`.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, size: Int, name: String) throws {
        var done = 0
        while done < size {
            let count = Glibc.read(descriptor, buffer + done, min(size - done, 1 << 24))
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadableFile(file: name, reason: String(cString: strerror(errno)))
            }
            guard count > 0 else { throw IngestError.changedWhileRead(file: name) }
            done += count
        }
        var probe: UInt8 = 0
        guard Glibc.read(descriptor, &probe, 1) == 0 else { throw IngestError.changedWhileRead(file: name) }
    }

    /// The file's identity after reading, when it equals the one before.
    /// - Throws: `IngestError.changedWhileRead` when the size or modification time moved.
    static func unchanged(_ descriptor: Int32, since before: FileIdentity, name: String) throws -> FileIdentity {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IngestError.unreadableFile(file: name, reason: String(cString: strerror(errno)))
        }
        let after = FileIdentity(status)
        guard after == before else { throw IngestError.changedWhileRead(file: name) }
        return after
    }
}
