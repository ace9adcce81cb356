import Foundation
import Ingest
import Synth
import Testing

/// `--dirty`: the pipeline's quarantine matches `dirty_manifest.csv` exactly,
/// row by row, in both encodings.
struct DirtyRowsTests {
    @Test(arguments: [FeedEncoding.utf8, .gb18030])
    func quarantineMatchesTheManifest(encoding: FeedEncoding) throws {
        let folder = try TemporaryFolder("dirty-\(encoding.rawValue)")
        let summary = try SyntheticProvince.generate(into: folder.path, options: SynthOptions(persons: 3_000, dirty: true, encoding: encoding))
        let encodings = Dictionary(uniqueKeysWithValues: Feed.allCases.map { ($0, encoding) })
        let result = try Ingestor.load(folder: folder.path, options: IngestOptions(referenceDate: SynthOptions.defaultReferenceDate, encodings: encodings))

        let manifest = try String(contentsOfFile: folder.file(DirtyManifest.fileName), encoding: .utf8)
        var expected: [String: Int] = [:]
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            #expect(fields.count == 3, "manifest line \(line)")
            if fields.count == 3 { expected["\(fields[0]) \(fields[1])"] = Int(fields[2]) }
        }
        var found: [String: Int] = [:]
        for accounting in result.accounting {
            for (reason, count) in accounting.quarantinedByReason { found["\(accounting.feed.fileName) \(reason.rawValue)"] = count }
            #expect(accounting.read == accounting.accepted + accounting.quarantined)
        }
        #expect(found == expected)
        #expect(Set(expected.keys.compactMap { $0.split(separator: " ").last.map(String.init) }) == Set(QuarantineReason.allCases.map(\.rawValue)),
                "every quarantine reason is exercised")
        #expect(result.passes, "a dirty folder stays under the 5 % quarantine limit")

        let quarantined = result.quarantine.map { "\($0.feed.fileName):\($0.line) \($0.reason.rawValue)" }
        let intended = summary.dirtyRows.map { "\($0.feed.fileName):\($0.line) \($0.reason.rawValue)" }
        #expect(quarantined == intended)
    }

    @Test func cleanRowsAreUnchangedByDirty() throws {
        let clean = try TemporaryFolder("clean")
        let dirty = try TemporaryFolder("dirty")
        try SyntheticProvince.generate(into: clean.path, options: SynthOptions(persons: 2_000))
        try SyntheticProvince.generate(into: dirty.path, options: SynthOptions(persons: 2_000, dirty: true))
        for feed in Feed.allCases {
            let a = try Data(contentsOf: URL(fileURLWithPath: clean.file(feed.fileName)))
            let b = try Data(contentsOf: URL(fileURLWithPath: dirty.file(feed.fileName)))
            #expect(b.count > a.count && b.prefix(a.count) == a, "\(feed.fileName): the dirty file starts with the clean one")
        }
        #expect(!FileManager.default.fileExists(atPath: clean.file(DirtyManifest.fileName)))
    }
}
