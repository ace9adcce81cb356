import Foundation
import GRDB
import Testing
import TestSupport

/// The conventions of docs/operations.md under careless or hostile input:
/// bad options exit 1, a bad pipeline value exits 2 with its file position,
/// system errors are told in plain words, a warehouse that is not ours (or
/// newer) is refused and left as it was.
@Suite struct HostileCommandLineTests {
    static let fixture = RunCommandTests.fixture

    @Test(arguments: [["run", "--threads", "many", "--data", "x", "--date", "2026-11-28", "--out", "y"],
                      ["frobnicate"], ["run", "--no-such-flag"], ["generate", "--persons", "5", "--out", "x"],
                      ["history", "--warehouse", "w", "--indicator", "x", "--last", "0"]])
    func badOptionsExitOne(arguments: [String]) throws {
        let result = try BottomlineProcess.run(arguments)
        #expect(result.status == 1, "\(arguments): \(result.standardError)")
        #expect(!result.standardError.isEmpty)
    }

    @Test func helpExitsZero() throws {
        #expect(try BottomlineProcess.run(["help", "run"]).status == 0)
        #expect(try BottomlineProcess.run(["run", "--help"]).status == 0)
    }

    /// The sample pipeline with one line replaced.
    static func pipeline(replacing old: String, with new: String, in folder: TemporaryFolder) throws -> String {
        let text = try String(contentsOfFile: BottomlineProcess.repository.path + "/Pipelines/guizhou.yaml", encoding: .utf8)
        #expect(text.contains(old))
        let path = folder.file("bad.yaml")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [
        ("monitoring_line: 7500 ", "monitoring_line: 99999999999999999 "),
        ("max_quarantine_share: 0.05", "max_quarantine_share: 5"),
        ("max_quarantine_share: 0.05", "max_quarantine_share: nan"),
        ("max_quarantine_share: 0.05", "max_quarantine_share: 1e309"),
        ("max_quarantine_share: 0.05", "max_quarantine_share: -1"),
        ("covered: category in ['poverty_alleviated', 'monitored']",
         "covered: " + String(repeating: "not ", count: 100_000) + "category in ['monitored']"),
    ])
    func aBadPipelineValueExitsTwoWithItsPosition(old: String, new: String) throws {
        let folder = try TemporaryFolder()
        let path = try Self.pipeline(replacing: old, with: new, in: folder)
        let result = try BottomlineProcess.run(["run", "--pipeline", path, "--data", Self.fixture, "--date", "2026-11-28",
                                                "--out", folder.file("out")])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.range(of: #"bad\.yaml:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil,
                "\(result.standardError.prefix(500))")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test func aTargetOfInfinityExitsTwoInsteadOfHanging() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOfFile: BottomlineProcess.repository.path + "/Pipelines/guizhou.yaml", encoding: .utf8)
        let target = try #require(text.range(of: #"target: '>= [0-9.]+'"#, options: .regularExpression))
        for bad in ["target: '>= 1e309'", "target: '>= nan'"] {
            let path = folder.file("bad.yaml")
            try text.replacingCharacters(in: target, with: bad).write(toFile: path, atomically: true, encoding: .utf8)
            let result = try BottomlineProcess.run(["run", "--pipeline", path, "--data", Self.fixture, "--date", "2026-11-28",
                                                    "--out", folder.file("out")])
            #expect(result.status == 2, "\(bad): \(result.standardError)")
            #expect(result.standardError.contains("plain number"), "\(result.standardError)")
        }
    }

    @Test func aNameTooLongIsToldInPlainWords() throws {
        let folder = try TemporaryFolder()
        let long = folder.file(String(repeating: "长", count: 200))
        let generate = try BottomlineProcess.run(["generate", "--persons", "1000", "--out", long])
        #expect(generate.status == 1)
        #expect(generate.standardError.contains("too long"), "\(generate.standardError)")
        let run = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28", "--out", long])
        #expect(run.status == 6)
        #expect(run.standardError.contains("too long"), "\(run.standardError)")
        for text in [generate.standardError, run.standardError] {
            #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("Error Domain"), "\(text)")
        }
    }

    @Test(arguments: [("empty", Data()), ("text", Data("these are not the figures\n".utf8)),
                      ("zip", Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 200)))])
    func aWarehouseThatIsNotOursIsRefusedAndKept(kind: String, content: Data) throws {
        let folder = try TemporaryFolder()
        let warehouse = folder.file("warehouse.sqlite")
        try content.write(to: URL(fileURLWithPath: warehouse))
        let result = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28", "--out", folder.file("out"),
                                                "--warehouse", warehouse])
        #expect(result.status == 6, "\(kind): \(result.standardError)")
        #expect(result.standardError.contains(kind == "empty" ? "empty file (0 bytes)" : "not a bottomline warehouse"),
                "\(result.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: warehouse)) == content, "\(kind): the file was changed")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test func aWarehouseOfANewerVersionIsRefused() throws {
        let folder = try TemporaryFolder()
        let warehouse = folder.file("warehouse.sqlite")
        let first = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28", "--out", folder.file("out"),
                                               "--warehouse", warehouse])
        #expect(first.status == 0, "\(first.standardError)")
        try DatabaseQueue(path: warehouse).write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        let second = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-29", "--out", folder.file("out"),
                                                "--warehouse", warehouse])
        #expect(second.status == 6, "\(second.standardError)")
        #expect(second.standardError.contains("newer bottomline"), "\(second.standardError)")
        let runs = try DatabaseQueue(path: warehouse).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") }
        #expect(runs == 1)
    }
}
