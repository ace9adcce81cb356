internal import CRenameExchange
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Staging {
    /// Puts the staged outputs in place and removes the previous ones. Every
    /// step can be repeated after a crash (this is also the recovery's roll
    /// forward): when `out` already holds the run (`runID`), only the
    /// leftovers are removed.
    ///
    /// A folder is swapped with `renameat2(RENAME_EXCHANGE)`; where that is
    /// missing (NFS, CIFS, older kernels) the old folder is renamed aside and
    /// the new one renamed in. A mount point, or a folder that refuses to be
    /// renamed (EBUSY), gets its outputs moved in file by file, `run.json` last.
    /// - Parameter names: the top-level names of the outputs, `run.json` last.
    func putInPlace(runID: Int64?, names: [String]) throws {
        let manager = FileManager.default
        let done = runID.map { Self.holds(out, runID: $0) } ?? false
        if !done {
            if inPlace || entriesMoving {
                try moveEntries(names)
            } else if manager.fileExists(atPath: staging.path) {
                do {
                    try swapFolder()
                } catch PublishError.cannotSwap where manager.fileExists(atPath: out.path)
                    && manager.fileExists(atPath: staging.path) {
                    try moveEntries(names)
                }
            } else {
                throw PublishError.stagingLost(staging.path)
            }
            try Durability.sync(folder: inPlace ? out : out.deletingLastPathComponent())
        }
        try Self.remove(staging)
        try Self.remove(aside)
    }

    /// True when an earlier attempt was moving outputs in one by one beside
    /// the folder: both folders and the aside folder exist (a folder rename
    /// leaves at most two of them).
    private var entriesMoving: Bool {
        let manager = FileManager.default
        return [out, staging, aside].allSatisfy { manager.fileExists(atPath: $0.path) }
    }

    /// The staging folder becomes `out`.
    private func swapFolder() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: out.path) else {
            try rename(staging, to: out)
            return
        }
        if bottomline_rename_exchange(staging.path, out.path) == 0 { return } // staging now holds the old outputs
        let code = errno
        guard [EINVAL, ENOSYS, EOPNOTSUPP, ENOTSUP].contains(code) else {
            throw PublishError.cannotSwap(out.path, String(cString: strerror(code)))
        }
        try rename(out, to: aside)
        try rename(staging, to: out)
    }

    /// Moves each output from the staging folder into `out`: a file is renamed
    /// over the previous one (atomically), a folder (the clue lists) goes in
    /// after the previous one is moved aside.
    private func moveEntries(_ names: [String]) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: aside.path) {
            guard mkdir(aside.path, 0o755) == 0 || errno == EEXIST else {
                throw PublishError.cannotSwap(aside.path, String(cString: strerror(errno)))
            }
        }
        for name in names {
            let incoming = staging.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: incoming.path, isDirectory: &isFolder) else { continue } // moved earlier
            let current = out.appendingPathComponent(name), previous = aside.appendingPathComponent(name)
            if isFolder.boolValue && manager.fileExists(atPath: current.path) {
                if manager.fileExists(atPath: previous.path) { try? manager.removeItem(at: previous) }
                try rename(current, to: previous)
            }
            try rename(incoming, to: current)
        }
    }

    private func rename(_ from: URL, to destination: URL) throws {
        guard Glibc.rename(from.path, destination.path) == 0 else {
            throw PublishError.cannotSwap(destination.path, String(cString: strerror(errno)))
        }
    }
}
