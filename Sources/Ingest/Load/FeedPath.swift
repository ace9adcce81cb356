#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening a feed file of a data folder: only a regular file is read (a
/// named pipe would block the run, a folder or a device is no feed), and a
/// symbolic link must stay inside the data folder unless the run allows links
/// that leave it. Nothing of a refused file is read.
enum FeedPath {
    /// An open descriptor of the regular file `name` in `folder` (close it when done).
    /// - Throws: `IngestError.missingFile`, `.notARegularFile`, `.linkLeavesFolder` or `.unreadableFile`.
    static func open(folder: String, name: String, allowOutsideLinks: Bool) throws -> Int32 {
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        var status = stat()
        guard lstat(path, &status) == 0 else { throw failure(errno, file: name) }
        let isLink = status.st_mode & S_IFMT == S_IFLNK
        if isLink, !allowOutsideLinks {
            guard let target = realPath(path) else { throw IngestError.missingFile(file: name) }
            guard let base = realPath(folder), target.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                throw IngestError.linkLeavesFolder(file: name)
            }
        }
        // O_NONBLOCK: opening a named pipe returns at once (and is refused below) instead of
        // waiting for a writer. O_NOFOLLOW: a file swapped for a link since lstat is refused.
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (isLink ? 0 : O_NOFOLLOW)
        let descriptor = Glibc.open(path, flags)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw IngestError.linkLeavesFolder(file: name) }
            throw failure(errno, file: name)
        }
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw failure(code, file: name)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw IngestError.notARegularFile(file: name, kind: kind(of: status.st_mode))
        }
        return descriptor
    }

    private static func failure(_ code: Int32, file: String) -> IngestError {
        code == ENOENT ? .missingFile(file: file) : .unreadableFile(file: file, reason: SystemErrorText.describe(errno: code))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a file that is not a regular file is, in words.
    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
