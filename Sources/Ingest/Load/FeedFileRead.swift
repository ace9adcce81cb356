#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run read of one feed file: the bytes it parsed, their SHA-256, and
/// the file's identity when it was read (to tell whether it changed since).
public struct FeedFileRead: Sendable, Equatable {
    /// Bytes read (the whole file).
    public let bytes: Int
    /// SHA-256 of exactly those bytes, as 64 lowercase hex digits.
    public let sha256: String
    public let identity: FileIdentity
}

/// A file's device, inode, size and modification time: if any differs
/// later, the file was replaced or changed.
public struct FileIdentity: Sendable, Equatable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int
    public let modifiedSeconds: Int
    public let modifiedNanoseconds: Int

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int(status.st_size)
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
    }

    /// The identity of the file at `path` now, or nil when it cannot be read.
    public static func of(path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(status)
    }
}
