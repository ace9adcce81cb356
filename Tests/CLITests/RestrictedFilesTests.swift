import Foundation
import Testing
import TestSupport

/// Restricted files keep their modes whatever the umask: the run is started
/// with `umask 000` in a child shell, so the test process's own umask is never touched.
@Suite struct RestrictedFilesTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    @Test func clueListsAndQuarantineRowsAreOwnerOnlyUnderAPermissiveUmask() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 000 && exec \"$0\" \"$@\"", BottomlineProcess.binary.path,
                             "run", "--data", RunCommandTests.fixture, "--date", "2026-11-28", "--out", out]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let clues = out + "/clues"
        let files = try FileManager.default.contentsOfDirectory(atPath: clues)
        #expect(!files.isEmpty)
        #expect(try Self.mode(clues) == 0o700)
        for file in files { #expect(try Self.mode(clues + "/" + file) == 0o600, "\(file)") }
        #expect(try Self.mode(out + "/restricted") == 0o700)
        #expect(try Self.mode(out + "/restricted/quarantine_rows.csv") == 0o600)
        // The public outputs follow the umask as usual.
        #expect(try Self.mode(out + "/indicators.csv") == 0o666)
    }
}
