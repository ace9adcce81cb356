import Foundation
import Ingest
#if canImport(Glibc)
import Glibc
#endif

/// Forces written files to the disk (`fsync`), so that what a commit or a
/// rename refers to survives a power cut.
enum Durability {
    /// Syncs every file and folder under `folder`, then `folder` itself. Every file's write-back
    /// is started first, so the disk takes them all at once and each `fsync` then mostly finds
    /// its data (and the blocks allocated for it) already written or on the way, instead of
    /// starting one file's write-back and one journal commit after the other.
    static func sync(tree folder: URL) throws {
        var files: [String] = []
        var folders: [String] = []
        try collect(folder, files: &files, folders: &folders)
        files.forEach(startWriteBack)
        for path in files + folders { try sync(path: path) }
    }

    /// The files under `folder`, and its folders with `folder` itself, each folder after those inside it.
    private static func collect(_ folder: URL, files: inout [String], folders: inout [String]) throws {
        let manager = FileManager.default
        for entry in try manager.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                try collect(url, files: &files, folders: &folders)
            } else {
                files.append(url.path)
            }
        }
        folders.append(folder.path)
    }

    /// Asks the system to start writing the file's dirty pages now, without waiting
    /// (`POSIX_FADV_DONTNEED` starts write-back); a hint only: `sync(path:)` checks.
    private static func startWriteBack(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
        close(descriptor)
    }

    /// Syncs a folder's entries (after a rename in it).
    static func sync(folder: URL) throws {
        try sync(path: folder.path)
    }

    private static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PublishError.cannotSync(path, SystemErrorText.describe(errno: errno)) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw PublishError.cannotSync(path, SystemErrorText.describe(errno: errno)) }
    }
}
