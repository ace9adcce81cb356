import Foundation
import Ingest

/// The partials given to `merge`, checked to fit together before anything is
/// merged: the same pipeline (by SHA-256), date, feed contract and input
/// files, and every county of `regions.csv` computed by exactly one of them.
struct PartialSet {
    let folders: [String]
    let manifests: [PartialManifest]

    /// Reads every `partial.json` and checks them against each other and the merge's pipeline and date.
    /// - Throws: `NightFailure` with exit 3 for an unreadable or too-new partial, 7 for partials that do not fit.
    init(folders: [String], pipelineHash: String, date: String) throws {
        guard !folders.isEmpty else { throw NightFailure(.wrongOptions, "error: give at least one --partials folder") }
        self.folders = folders
        manifests = try folders.map { try PartialManifest.read(folder: $0) }
        for (folder, manifest) in zip(folders, manifests) {
            guard manifest.pipelineSHA256 == pipelineHash else {
                throw Self.misfit("partial \(folder) was computed with another pipeline (\(manifest.pipelineFile), "
                    + "SHA-256 \(manifest.pipelineSHA256.prefix(12))…) than --pipeline (SHA-256 \(pipelineHash.prefix(12))…); "
                    + "run that shard again with this pipeline file")
            }
            guard manifest.runDate == date else {
                throw Self.misfit("partial \(folder) is of the night \(manifest.runDate), not --date \(date); "
                    + "run that shard again for \(date)")
            }
            guard manifest.contractVersion == Feed.contractVersion else {
                throw Self.misfit("partial \(folder) read feeds of contract version \(manifest.contractVersion); "
                    + "this bottomline merges contract version \(Feed.contractVersion): run that shard again with it")
            }
        }
        try checkInputs()
        try checkCounties()
    }

    private static func misfit(_ message: String) -> NightFailure { NightFailure(.partialsDoNotFit, "error: " + message) }

    /// Every shard must have read the same files (each reads the whole file and keeps its rows).
    private func checkInputs() throws {
        let first = manifests[0]
        for (folder, manifest) in zip(folders, manifests).dropFirst() {
            for input in manifest.inputs {
                guard let other = first.inputs.first(where: { $0.feed == input.feed }) else {
                    throw Self.misfit("partial \(folder) read \(input.file), which partial \(folders[0]) did not")
                }
                guard other.sha256 == input.sha256 else {
                    throw Self.misfit("partials \(folders[0]) and \(folder) read different \(input.file) "
                        + "(SHA-256 \(other.sha256.prefix(12))… and \(input.sha256.prefix(12))…); every shard of a night "
                        + "must read the same feeds: run the shards again on one data folder")
                }
            }
            guard manifest.register == first.register else {
                throw Self.misfit("partials \(folders[0]) and \(folder) list different counties in regions.csv")
            }
        }
    }

    /// Every county of the register in exactly one partial.
    private func checkCounties() throws {
        let register = manifests[0].register
        let names = Dictionary(register.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var holder: [String: String] = [:]
        for (folder, manifest) in zip(folders, manifests) {
            for county in manifest.counties {
                if let earlier = holder[county] {
                    throw Self.misfit("county \(county) (\(names[county] ?? "?")) is in two partials, \(earlier) and "
                        + "\(folder); each county must be computed by exactly one shard: merge each shard's folder once, "
                        + "all made with the same --shard-of")
                }
                holder[county] = folder
            }
        }
        for county in register where holder[county.code] == nil {
            var hint = ""
            if let shard = manifests.compactMap(\.shard).first, let code = Int64(county.code) {
                hint = " (with --shard-of \(shard.count) it is dealt to --shard \(ShardSelection.shard(ofCounty: code, count: shard.count)))"
            }
            throw Self.misfit("county \(county.code) (\(county.name)) is in no partial\(hint); run the shard that "
                + "computes it and merge again")
        }
        let takers = manifests.indices.filter { manifests[$0].takesUnplacedRows }
        guard takers.count == 1 else {
            throw Self.misfit("\(takers.count) partials took the rows no county owns (there must be exactly one)")
        }
    }

    /// The partial that judged `regions.csv` and the rows no county owns.
    var unplacedTaker: Int { manifests.firstIndex { $0.takesUnplacedRows } ?? 0 }
}
