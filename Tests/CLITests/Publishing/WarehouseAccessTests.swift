import Foundation
import GRDB
import Testing
import TestSupport
import Warehouse
#if canImport(Glibc)
import Glibc
#endif

/// The warehouse lock follows the file, not its path; readers need no write access.
@Suite(.serialized) struct WarehouseAccessTests {
    static let sample = BottomlineProcess.repository.appendingPathComponent("SampleData/guizhou").path
    static let fixture = BottomlineProcess.repository.appendingPathComponent("Tests/EngineTests/Fixtures/edge_cases").path

    @Test func aRunThroughASymbolicLinkMeetsTheLock() throws {
        let work = try TemporaryFolder("access")
        let path = work.file("w.sqlite")
        try FileManager.default.createDirectory(atPath: work.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.file("elsewhere/link.sqlite"), withDestinationPath: path)
        let holder = try Warehouse.open(path: path)
        let runID = try holder.beginRun(date: "2026-11-28", pipelineHash: "h", toolVersion: "test", threads: 1)
        let refused = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28",
                                                 "--out", work.file("out"), "--warehouse", work.file("elsewhere/link.sqlite")])
        #expect(refused.status == 5, "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: work.file("out")))
        try holder.close()
        // The holder's run was not touched by the refused one.
        let status = try SQLiteReader(path: path).string("SELECT status FROM runs WHERE run_id = \(runID)")
        #expect(status == "running")
    }

    @Test func historyAndDiffReadAWarehouseThisUserMayOnlyRead() throws {
        let work = try TemporaryFolder("access")
        chmod(work.path, 0o755)
        let folder = work.file("readonly"), warehouse = folder + "/w.sqlite"
        for date in ["2026-11-28", "2026-11-29"] {
            let night = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", date,
                                                   "--out", work.file("out-\(date)"), "--warehouse", warehouse])
            #expect(night.status == 0, "\(night.standardError)")
        }
        // Owned by root, readable by all, writable by none but root: `nobody` may only read.
        chmod(folder, 0o755)
        chmod(warehouse, 0o644)
        let listing = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let binary = BottomlineProcess.binary.path
        let asNobody = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary]
        let history = try Program.run("/usr/bin/setpriv", asNobody + ["history", "--warehouse", warehouse,
                                                                      "--indicator", "insurance_rate"])
        #expect(history.status == 0, "\(history.standardError)")
        #expect(history.standardOutput.contains("2026-11-28"))
        let diff = try Program.run("/usr/bin/setpriv", asNobody + ["diff", "--warehouse", warehouse,
                                                                   "--from", "2026-11-28", "--to", "2026-11-29"])
        #expect(diff.status == 0, "\(diff.standardError)")
        #expect(diff.standardOutput.contains("Changes from 2026-11-28"))
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(after == listing, "before: \(listing), after: \(after)")
    }
}

/// One value from a warehouse file, read with the sqlite3 library through GRDB.
struct SQLiteReader {
    let path: String

    func string(_ sql: String) throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { try String.fetchOne($0, sql: sql) }
    }
}
