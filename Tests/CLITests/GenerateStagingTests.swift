import Foundation
import Testing
import TestSupport

/// `generate` writes into a hidden staging folder and renames it into place:
/// killed halfway, it leaves no province that looks complete.
@Suite struct GenerateStagingTests {
    @Test func aKilledGenerateLeavesNoProvince() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("province")
        let running = try BottomlineProcess.start(["generate", "--persons", "3000000", "--out", out])
        // Wait until it is writing (its staging folder has a persons file), then kill it.
        let deadline = Date().addingTimeInterval(60)
        var staging: String?
        while Date() < deadline, running.process.isRunning {
            staging = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(".province.generating-") }
            if let staging, FileManager.default.fileExists(atPath: folder.file(staging) + "/persons.csv") { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(staging != nil)
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: out), "a killed generate left \(out)")
        let check = try BottomlineProcess.run(["check", "--data", out, "--date", "2026-11-28"])
        #expect(check.status == 3)
    }

    @Test func aFinishedGenerateReplacesAnEarlierProvinceWhole() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("province")
        #expect(try BottomlineProcess.run(["generate", "--persons", "1000", "--dirty", "--out", out]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/dirty_manifest.csv"))
        let second = try BottomlineProcess.run(["generate", "--persons", "1200", "--out", out])
        #expect(second.status == 0, "\(second.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names.contains("persons.csv") && !names.contains("dirty_manifest.csv"), "\(names)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let check = try BottomlineProcess.run(["check", "--data", out, "--date", "2026-11-28"])
        #expect(check.status == 0, "\(check.standardError)")
    }

    @Test func otherFilesInTheFolderStay() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("province")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: out + "/README.txt"))
        #expect(try BottomlineProcess.run(["generate", "--persons", "1000", "--out", out]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/README.txt"))
        #expect(FileManager.default.fileExists(atPath: out + "/persons.csv"))
    }
}
