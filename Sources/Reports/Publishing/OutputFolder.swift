internal import CRenameExchange
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a run's outputs into a staging folder beside the destination and
/// swaps it into place only when everything is written, so readers see either
/// the previous outputs or the new ones — never a half-written folder.
public struct OutputFolder {
    /// The folder readers use.
    public let destination: URL
    /// Where this run writes; swapped into `destination` by `publish()`.
    public let staging: URL

    /// Creates an empty staging folder next to `destination`.
    public init(destination: String) throws {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).staging-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        Self.removeLeftovers(in: parent, named: self.destination.lastPathComponent)
    }

    /// Writes `text` as UTF-8 to `name` inside the staging folder.
    public func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: staging.appendingPathComponent(name))
    }

    /// Writes raw bytes to `name` inside the staging folder.
    public func write(_ data: Data, to name: String) throws {
        try data.write(to: staging.appendingPathComponent(name))
    }

    /// Puts the staged outputs in place in one atomic step (Linux `renameat2`
    /// with `RENAME_EXCHANGE` when the destination exists), then removes the old ones.
    public func publish() throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination.path) {
            guard bottomline_rename_exchange(staging.path, destination.path) == 0 else {
                throw OutputFolderError.swapFailed(destination.path, String(cString: strerror(errno)))
            }
            try? fileManager.removeItem(at: staging) // now holds the previous outputs
        } else {
            try fileManager.moveItem(at: staging, to: destination)
        }
    }

    /// Removes the staging folder of a run that failed.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Staging folders left by runs that were killed (their process is gone).
    private static func removeLeftovers(in parent: URL, named name: String) {
        let prefix = ".\(name).staging-"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}

/// Problems putting outputs in place.
public enum OutputFolderError: Error, CustomStringConvertible {
    case swapFailed(String, String)

    public var description: String {
        switch self {
        case .swapFailed(let path, let reason):
            return "\(path): could not put the new outputs in place (\(reason)); the previous outputs are unchanged. Check that the folder is on a local disk and writable."
        }
    }
}
