import Foundation
import GRDB
import Testing
import TestSupport

/// Partials that do not fit together are refused with a message naming the
/// partial and what is wrong, and nothing is published: no output folder, no
/// figures in the warehouse.
@Suite(.serialized) struct MergeRefusalTests {
    /// Three shards of the sample, made once for every test of the suite.
    static let night: ShardNight? = try? ShardNight(label: "refusals")
    static let partials: [String] = (try? night?.shards(3, prefix: "of3")) ?? []

    /// Merges, expects exit `status` and every text of `naming` in the message, and that nothing was published.
    static func expectRefused(_ partials: [String], status: Int32, naming: [String], into name: String) throws {
        let night = try #require(Self.night)
        let result = try night.merge(partials, into: name)
        #expect(result.status == status, "\(result.standardError)")
        for text in naming { #expect(result.standardError.contains(text), "the message names \(text): \(result.standardError)") }
        #expect(!FileManager.default.fileExists(atPath: night.work.file(name)), "an output folder was published")
        let published = try DatabaseQueue(path: night.work.file(name) + ".sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_values") ?? -1
        }
        #expect(published == 0, "figures reached the warehouse")
    }

    /// A copy of partial `index` whose partial.json is edited by `edit`.
    static func edited(_ index: Int, _ name: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
        let night = try #require(Self.night)
        let copy = night.work.file(name)
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: partials[index], toPath: copy)
        let url = URL(fileURLWithPath: copy + "/partial.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        edit(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return copy
    }

    @Test func aPartialOfAnotherPipelineIsRefused() throws {
        let night = try #require(Self.night)
        let pipeline = night.work.file("edited.yaml")
        try (String(contentsOfFile: "Pipelines/guizhou.yaml", encoding: .utf8) + "\n# edited\n")
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        let result = try night.shard("other-pipeline", ["--shard-of", "3", "--shard", "1"], pipeline: pipeline)
        #expect(result.status == 0, "\(result.standardError)")
        try Self.expectRefused([Self.partials[0], night.work.file("other-pipeline"), Self.partials[2]], status: 7,
                               naming: ["other-pipeline", "another pipeline"], into: "pipeline")
    }

    @Test func aPartialOfAnotherDateIsRefused() throws {
        let night = try #require(Self.night)
        let result = try night.shard("other-date", ["--shard-of", "3", "--shard", "2"], date: "2026-11-27")
        #expect(result.status == 0, "\(result.standardError)")
        try Self.expectRefused([Self.partials[0], Self.partials[1], night.work.file("other-date")], status: 7,
                               naming: ["other-date", "2026-11-27"], into: "date")
    }

    /// A shard's quarantined rows reach the merge through its restricted log (0600); a cut log is refused.
    @Test func aPartialWithACutQuarantineLogIsRefused() throws {
        let copy = try Self.edited(2, "cut-log") { _ in }
        let log = copy + "/restricted/quarantine.log"
        let attributes = try FileManager.default.attributesOfItem(atPath: log)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
        try #require(bytes.count > 40, "the sample's shard quarantines rows")
        #expect(!FileManager.default.fileExists(atPath: copy + "/quarantine.json"))
        #expect(try String(contentsOfFile: copy + "/quarantine.csv", encoding: .utf8)
            .hasPrefix("feed,line,reason,column,value,message\n"))
        try bytes.prefix(bytes.count - 20).write(to: URL(fileURLWithPath: log))
        try Self.expectRefused([Self.partials[0], Self.partials[1], copy], status: 3,
                               naming: ["cut-log/restricted/quarantine.log", "damaged", "run its shard again"], into: "cut")
    }

    @Test func aPartialOfAnotherContractIsRefused() throws {
        let old = try Self.edited(1, "contract1") { $0["contract_version"] = 1 }
        try Self.expectRefused([Self.partials[0], old, Self.partials[2]], status: 7,
                               naming: ["contract1", "contract version 1"], into: "contract")
    }

    @Test func aMissingCountyIsNamedWithItsShard() throws {
        let night = try #require(Self.night)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.partials[1] + "/partial.json")))
        let county = try #require(((json as? [String: Any])?["counties"] as? [String])?.first)
        try Self.expectRefused([Self.partials[0], Self.partials[2]], status: 7,
                               naming: ["county \(county)", "in no partial", "--shard 1"], into: "missing")
        _ = night
    }

    @Test func aDuplicatedCountyIsNamedWithBothPartials() throws {
        let night = try #require(Self.night)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.partials[2] + "/partial.json")))
        let county = try #require(((json as? [String: Any])?["counties"] as? [String])?.first)
        let result = try night.shard("overlap", ["--counties", county])
        #expect(result.status == 0, "\(result.standardError)")
        try Self.expectRefused(Self.partials + [night.work.file("overlap")], status: 7,
                               naming: ["county \(county)", "two partials", "overlap", Self.partials[2]], into: "duplicate")
    }

    @Test func aPartialOfANewerFormatIsRefused() throws {
        let newer = try Self.edited(0, "format2") { $0["format_version"] = 2 }
        try Self.expectRefused([newer, Self.partials[1], Self.partials[2]], status: 3,
                               naming: ["format2", "format version 2"], into: "format")
    }

    @Test func aFolderThatIsNoPartialIsRefused() throws {
        let night = try #require(Self.night)
        try FileManager.default.createDirectory(atPath: night.work.file("empty"), withIntermediateDirectories: true)
        try Self.expectRefused([Self.partials[0], night.work.file("empty")], status: 3,
                               naming: ["empty", "not a partial"], into: "notpartial")
    }
}
