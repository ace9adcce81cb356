import Foundation
import Ingest
import Synth
import Testing

/// The committed sample is exactly what `make sample` makes.
struct SampleDataTests {
    @Test func committedSampleIsReproduced() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData/guizhou")
        let folder = try TemporaryFolder("sample")
        try SyntheticProvince.generate(into: folder.path, options: SynthOptions(persons: 20_000, seed: 20_261_129, dirty: true))
        for name in Feed.allCases.map(\.fileName) + [DirtyManifest.fileName] {
            let committed = try Data(contentsOf: sample.appendingPathComponent(name))
            let made = try Data(contentsOf: URL(fileURLWithPath: folder.file(name)))
            #expect(committed == made, "SampleData/guizhou/\(name) differs from what the generator makes; run `make sample`")
        }
    }
}
