import Foundation
import GRDB
import Testing
import TestSupport

/// One night run whole and as shards, through the real binary, for the merge tests.
struct ShardNight {
    static let date = "2026-11-28"
    static let sample = BottomlineProcess.repository.appendingPathComponent("SampleData/guizhou").path
    /// The files a merge must reproduce byte for byte (run.json differs in its times and partial list).
    static let comparedFiles = ["indicators.csv", "quarantine.csv", "county_summary.csv", "county_summary.xlsx", "report.html"]

    let work: TemporaryFolder
    let data: String
    let pipeline: String

    init(data: String = sample, pipeline: String = "Pipelines/guizhou.yaml", label: String = "shards") throws {
        work = try TemporaryFolder(label)
        self.data = data
        self.pipeline = pipeline
    }

    /// `run` of the whole night into `name`, with a warehouse `name.sqlite`.
    func single(_ name: String = "single") throws -> String {
        let out = work.file(name)
        let result = try BottomlineProcess.run(["run", "--pipeline", pipeline, "--data", data, "--date", Self.date,
                                                "--out", out, "--warehouse", out + ".sqlite", "--county-map", "none"])
        #expect(result.status == 0, "\(result.standardError)")
        return out
    }

    /// `run --shard-of count --shard index` (or `--counties`) into `name`.
    @discardableResult
    func shard(_ name: String, _ selection: [String], date: String = date, pipeline: String? = nil) throws -> BottomlineProcess.Result {
        try BottomlineProcess.run(["run", "--pipeline", pipeline ?? self.pipeline, "--data", data, "--date", date,
                                   "--out", work.file(name)] + selection)
    }

    /// Every shard of `--shard-of count`, named `prefix-K`; their folders.
    func shards(_ count: Int, prefix: String) throws -> [String] {
        try (0..<count).map { index in
            let result = try shard("\(prefix)-\(index)", ["--shard-of", String(count), "--shard", String(index)])
            #expect(result.status == 0, "\(result.standardError)")
            return work.file("\(prefix)-\(index)")
        }
    }

    /// `merge` of `partials` into `name`, with a warehouse `name.sqlite`.
    func merge(_ partials: [String], into name: String) throws -> BottomlineProcess.Result {
        try BottomlineProcess.run(["merge", "--pipeline", pipeline, "--partials"] + partials
            + ["--date", Self.date, "--out", work.file(name), "--warehouse", work.file(name) + ".sqlite",
               "--county-map", "none"])
    }

    /// Every file under `folder` (relative path → bytes), run.json left out.
    static func files(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue, name != "run.json" {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return files
    }

    /// The published figures of a warehouse, one text line per value.
    static func warehouseFigures(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: """
                SELECT run_date || '|' || level || '|' || code || '|' || name || '|' || indicator || '|' || ifnull(numerator, '') || '|'
                       || ifnull(denominator, '') || '|' || value_text
                FROM indicator_values ORDER BY 1
                """)
        }
    }

    /// The villages of each partial (from its partial.json).
    static func villages(_ partial: String) throws -> Int {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: partial + "/partial.json")))
        return (json as? [String: Any])?["villages"] as? Int ?? -1
    }
}
