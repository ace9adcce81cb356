import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Forces written files to the disk (`fsync`), so that what a commit or a
/// rename refers to survives a power cut.
enum Durability {
    /// Syncs every file and folder under `folder`, then `folder` itself.
    static func sync(tree folder: URL) throws {
        let manager = FileManager.default
        let entries = try manager.contentsOfDirectory(atPath: folder.path)
        for entry in entries {
            let url = folder.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                try sync(tree: url)
            } else {
                try sync(path: url.path)
            }
        }
        try sync(path: folder.path)
    }

    /// Syncs a folder's entries (after a rename in it).
    static func sync(folder: URL) throws {
        try sync(path: folder.path)
    }

    private static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PublishError.cannotSync(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw PublishError.cannotSync(path, String(cString: strerror(errno))) }
    }
}
