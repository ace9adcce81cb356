import Foundation
import Ingest
import Synth

/// One clean 50,000-person province, generated and loaded once for all tests
/// that only read it, and removed when the test process exits.
enum SharedProvince {
    static let persons = 50_000
    static let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("synth-shared-\(ProcessInfo.processInfo.processIdentifier)")

    private static let generated: Result<Void, Error> = Result {
        try SyntheticProvince.generate(into: path, options: SynthOptions(persons: persons))
        atexit { try? FileManager.default.removeItem(atPath: SharedProvince.path) }
    }

    private static let loaded: Result<IngestResult, Error> = Result {
        try generated.get()
        return try Ingestor.load(folder: path, options: IngestOptions(referenceDate: SynthOptions.defaultReferenceDate))
    }

    /// The folder (the files in it must not be changed).
    static func clean() throws -> Folder {
        try generated.get()
        return Folder(path: path)
    }

    /// The folder as the pipeline reads it.
    static func cleanLoad() throws -> IngestResult { try loaded.get() }

    struct Folder {
        let path: String
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    }
}
