import Foundation
import Warehouse
#if canImport(Glibc)
import Glibc
#endif

/// Where a run writes its outputs before they go in place, and where the
/// previous outputs are moved meanwhile.
///
/// Usually both sit beside the output folder (`.NAME.staging-TAG`,
/// `.NAME.previous-TAG`) and the new folder replaces the old one with one
/// rename. When the output folder is a mount point, which cannot be renamed,
/// both sit inside it (`.bottomline-staging-TAG`, `.bottomline-previous-TAG`)
/// and the outputs are moved in one by one, `run.json` last (`inPlace`).
struct Staging: Sendable {
    /// The output folder readers use (absolute).
    let out: URL
    let staging: URL
    let aside: URL
    let inPlace: Bool

    /// The staging of the run tagged `tag` (`run12` with a warehouse, `pid345` without).
    init(out path: String, tag: String) {
        out = URL(fileURLWithPath: path).standardizedFileURL
        inPlace = Self.isMountPoint(out.path)
        if inPlace {
            staging = out.appendingPathComponent(".bottomline-staging-\(tag)")
            aside = out.appendingPathComponent(".bottomline-previous-\(tag)")
        } else {
            let parent = out.deletingLastPathComponent()
            staging = parent.appendingPathComponent(".\(out.lastPathComponent).staging-\(tag)")
            aside = parent.appendingPathComponent(".\(out.lastPathComponent).previous-\(tag)")
        }
    }

    /// The staging a publish journal row describes.
    init(_ pending: PendingPublication) {
        out = URL(fileURLWithPath: pending.out)
        staging = URL(fileURLWithPath: pending.staging)
        aside = URL(fileURLWithPath: pending.aside)
        inPlace = pending.inPlace
    }

    /// The journal row of this staging for `runID`.
    func pending(runID: Int64, date: String) -> PendingPublication {
        PendingPublication(runID: runID, date: date, out: out.path, staging: staging.path, aside: aside.path,
                           inPlace: inPlace, committed: false)
    }

    /// Creates an empty staging folder (and the output folder's parent).
    func prepare() throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw PublishError.cannotStage(staging.path, error.localizedDescription)
        }
    }

    /// Removes the staging folder and anything moved aside by an earlier attempt that never got committed.
    /// - Throws: when a folder cannot be removed (the journal row then stays, so the next command tries again).
    func discard() throws {
        try Self.remove(staging)
        try Self.remove(aside)
    }

    /// True while the staging or the aside folder is still on disk.
    var isLeftOver: Bool {
        FileManager.default.fileExists(atPath: staging.path) || FileManager.default.fileExists(atPath: aside.path)
    }

    /// Removes `url` with everything in it; nothing to do when it is gone.
    static func remove(_ url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw PublishError.cannotRemove(url.path, error.localizedDescription)
        }
    }

    /// Cleans up after runs without a warehouse (no journal) that were
    /// killed: their staging folders are removed, and previous outputs moved
    /// aside are put back when the output folder is missing.
    func removeAbandoned() {
        let manager = FileManager.default
        let parent = inPlace ? out : out.deletingLastPathComponent()
        let prefix = inPlace ? ".bottomline-" : ".\(out.lastPathComponent)."
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            let tail = entry.dropFirst(prefix.count)
            let kind = tail.prefix { $0 != "-" }
            guard kind == "staging" || kind == "previous", let dash = tail.firstIndex(of: "-"),
                  tail[tail.index(after: dash)...].hasPrefix("pid"),
                  let pid = Int32(tail[tail.index(after: dash)...].dropFirst(3)), pid != getpid(), kill(pid, 0) != 0
            else { continue }
            let url = parent.appendingPathComponent(entry)
            if kind == "previous" && !inPlace && !manager.fileExists(atPath: out.path) {
                try? manager.moveItem(at: url, to: out)
            } else {
                try? manager.removeItem(at: url)
            }
        }
    }

    /// True when `folder/run.json` is the run.json of `runID`.
    static func holds(_ folder: URL, runID: Int64) -> Bool {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("run.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let recorded = object["run_id"] as? NSNumber else { return false }
        return recorded.int64Value == runID
    }

    /// True when `path` is a mount point: its device differs from its
    /// parent's, or the kernel lists it among the mounts (bind mounts).
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat(), parent = stat()
        guard stat(path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR else { return false }
        guard stat((path as NSString).deletingLastPathComponent, &parent) == 0 else { return false }
        if own.st_dev != parent.st_dev { return true }
        guard let real = realpath(path, nil) else { return false }
        defer { free(real) }
        let resolved = String(cString: real)
        let table = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return table.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 && Self.unescaped(fields[4]) == resolved
        }
    }

    /// A mountinfo path with its octal escapes (`\040` for a space) decoded.
    private static func unescaped(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var index = field.utf8.startIndex
        let utf8 = field.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            let digits = utf8[index...].dropFirst().prefix(3)
            if byte == UInt8(ascii: "\\"), digits.count == 3, let code = UInt8(String(decoding: digits, as: UTF8.self),
                                                                               radix: 8) {
                bytes.append(code)
                index = utf8.index(index, offsetBy: 4)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
