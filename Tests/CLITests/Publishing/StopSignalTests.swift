import Foundation
import GRDB
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and SIGTERM stop a run cleanly: recorded as such, exit 130 and 143.
@Suite(.serialized) struct StopSignalTests {
    static let sample = BottomlineProcess.repository.appendingPathComponent("SampleData/guizhou").path

    @Test(arguments: [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, Int32(143), "SIGTERM")])
    func aStopSignalIsRecordedAndEndsTheRun(_ number: Int32, _ status: Int32, _ name: String) throws {
        let work = try TemporaryFolder("signals")
        let out = work.file("out"), warehouse = work.file("w.sqlite")
        let running = try BottomlineProcess.start(["run", "--data", Self.sample, "--date", "2026-11-28", "--out", out,
                                                   "--warehouse", warehouse, "--threads", "1"])
        let deadline = Date().addingTimeInterval(60)
        while !running.standardErrorSoFar().contains("ingest persons.csv") && running.process.isRunning
            && Date() < deadline {
            usleep(2_000)
        }
        kill(running.process.processIdentifier, number)
        running.process.waitUntilExit()
        let said = running.standardErrorSoFar()
        #expect(running.process.terminationReason == .exit, "\(said)")
        #expect(running.process.terminationStatus == status, "\(said)")
        #expect(said.contains("stopped by \(name)"))
        let recorded = try DatabaseQueue(path: warehouse).read { db in
            try Row.fetchAll(db, sql: "SELECT status, error_message FROM runs")
        }
        #expect(recorded.count == 1)
        #expect(recorded.first?["status"] as String? == "failed")
        #expect((recorded.first?["error_message"] as String?)?.hasPrefix("stopped by \(name)") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("staging") }.isEmpty)
    }
}
