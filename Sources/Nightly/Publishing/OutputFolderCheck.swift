import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Refuses an output folder whose replacement would delete what the run
/// reads or keeps: the feeds, the pipeline file, the warehouse, the working
/// directory. Paths are compared after resolving `.`, `..` and symbolic links.
public enum OutputFolderCheck {
    /// - Throws: `NightFailure` (exit 1) naming both paths.
    public static func check(out: String, data: String, pipeline: String, warehouse: String?) throws {
        let target = resolved(out)
        var kept: [(what: String, path: String)] = [
            ("the working directory", FileManager.default.currentDirectoryPath), ("the data folder", data),
            ("the pipeline file", pipeline),
        ]
        if let warehouse { kept.append(("the warehouse", warehouse)) }
        for item in kept {
            let other = resolved(item.path)
            guard other == target || other.hasPrefix(target == "/" ? "/" : target + "/") else { continue }
            let place = other == target ? "is" : "holds"
            throw NightFailure(.wrongOptions, "error: the output folder --out \(out) (\(target)) \(place) \(item.what) "
                + "\(item.path) (\(other)); the run replaces its output folder as a whole, so it would delete it. "
                + "Choose an output folder of its own, such as out/DATE, away from the feeds and the warehouse.")
        }
    }

    /// The absolute path with symbolic links resolved, for the part that exists.
    static func resolved(_ path: String) -> String {
        var absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let real = realpath(absolute, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let url = URL(fileURLWithPath: absolute)
            guard absolute != "/" else { return "/" + rest.reversed().joined(separator: "/") }
            rest.append(url.lastPathComponent)
            absolute = url.deletingLastPathComponent().path
        }
    }
}
