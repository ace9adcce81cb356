import Foundation
import Ingest
import Testing

/// Real failures of the system are told in plain words, never as an `NSCocoaErrorDomain` dump.
@Suite struct SystemErrorTextTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system"))
    func aFullDiskSaysSo() throws {
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            try handle.write(contentsOf: Data(repeating: 0x41, count: 1 << 16))
            try handle.synchronize()
            Issue.record("writing to /dev/full did not fail")
        } catch {
            let text = SystemErrorText.describe(error)
            #expect(text.contains("disk is full"), "\(text) from \(error)")
            #expect(!text.contains("Domain"))
        }
    }

    @Test func aNameTooLongSaysSo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(String(repeating: "x", count: 300)).path
        do {
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("a 300-byte name was accepted")
        } catch {
            let text = SystemErrorText.describe(error)
            #expect(text.contains("too long"), "\(text) from \(error)")
            #expect(!text.contains("Domain"))
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            Issue.record("a 300-byte folder name was accepted")
        } catch {
            #expect(SystemErrorText.describe(error).contains("too long"), "\(error)")
        }
    }

    @Test func ourOwnErrorsKeepTheirWords() {
        struct Plain: Error, CustomStringConvertible { var description: String { "persons.csv: column missing" } }
        #expect(SystemErrorText.describe(Plain()) == "persons.csv: column missing")
    }
}
