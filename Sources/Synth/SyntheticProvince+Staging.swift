import Foundation
import Ingest

extension SyntheticProvince {
    /// Like `generate(into:)`, but writes into a hidden staging folder next to
    /// `folder` (`.NAME.generating-PID`) and puts the files in place only when
    /// everything is written, so an interrupted run (Ctrl-C, kill, full disk)
    /// leaves no province that looks complete.
    ///
    /// When `folder` does not exist or holds only files `generate` writes, it is
    /// replaced as a whole by renames; otherwise (other files in it) each
    /// generated file is renamed into it, and the other files stay.
    @discardableResult
    public static func generateStaged(into folder: String, options: SynthOptions,
                                      progress: (@Sendable (SynthProgress) -> Void)? = nil) throws -> SynthSummary {
        try staged(into: folder) { staging in try generate(into: staging, options: options, progress: progress) }
    }

    /// Runs `write` on a hidden staging folder next to `folder`, then puts its files in place (see `generateStaged`).
    static func staged<T>(into folder: String, _ write: (String) throws -> T) throws -> T {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SynthError.cannotCreateFolder(path: parent.path, reason: SystemErrorText.describe(error))
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).generating-\(pid)")
        try? fileManager.removeItem(at: staging)
        do {
            let summary = try write(staging.path)
            try putInPlace(staging, at: target)
            return summary
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// The names `generate` writes.
    static var generatedNames: Set<String> { Set(Feed.allCases.map(\.fileName) + [DirtyManifest.fileName]) }

    private static func putInPlace(_ staging: URL, at target: URL) throws {
        let fileManager = FileManager.default
        func move(_ from: URL, _ to: URL) throws {
            guard rename(from.path, to.path) == 0 else {
                throw SynthError.cannotWrite(path: to.path, reason: SystemErrorText.describe(errno: errno))
            }
        }
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isFolder) else {
            return try move(staging, target)
        }
        guard isFolder.boolValue else {
            throw SynthError.cannotCreateFolder(path: target.path, reason: "a file of that name is in the way")
        }
        let existing = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if Set(existing).isSubset(of: generatedNames) {
            // Only an earlier province there: swap the whole folder.
            let old = target.deletingLastPathComponent().appendingPathComponent(
                ".\(target.lastPathComponent).replaced-\(ProcessInfo.processInfo.processIdentifier)")
            try move(target, old)
            try move(staging, target)
            try? fileManager.removeItem(at: old)
            return
        }
        let written = try fileManager.contentsOfDirectory(atPath: staging.path)
        for name in generatedNames where !written.contains(name) {
            try? fileManager.removeItem(at: target.appendingPathComponent(name))
        }
        for name in written.sorted() {
            try move(staging.appendingPathComponent(name), target.appendingPathComponent(name))
        }
        try? fileManager.removeItem(at: staging)
    }
}
