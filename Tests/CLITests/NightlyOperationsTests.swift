import Foundation
import GRDB
import Testing
import TestSupport
import Warehouse
#if canImport(Glibc)
import Glibc
#endif

/// The nightly job against a real SQLite warehouse: reruns, failures, locks and kill -9.
@Suite(.serialized) struct NightlyOperationsTests {
    static let sample = BottomlineProcess.repository.appendingPathComponent("SampleData/guizhou").path

    static func run(data: String = sample, date: String, out: String, warehouse: String) throws -> BottomlineProcess.Result {
        try BottomlineProcess.run(["run", "--data", data, "--date", date, "--out", out, "--warehouse", warehouse])
    }

    static func count(_ warehouse: String, _ sql: String) throws -> Int {
        try DatabaseQueue(path: warehouse).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return files
    }

    @Test func aRerunReplacesTheDatesFiguresAndKeepsEveryAttempt() throws {
        let work = try TemporaryFolder("nightly")
        let warehouse = work.file("w.sqlite")
        #expect(try Self.run(date: "2026-11-28", out: work.file("a"), warehouse: warehouse).status == 0)
        let values = try Self.count(warehouse, "SELECT count(*) FROM indicator_values")
        // One row per line of indicators.csv (less its header).
        let csvRows = try String(contentsOfFile: work.file("a") + "/indicators.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(values == csvRows && values > 474 * 16)
        #expect(try Self.run(date: "2026-11-28", out: work.file("a"), warehouse: warehouse).status == 0)
        #expect(try Self.count(warehouse, "SELECT count(*) FROM indicator_values") == values)
        #expect(try Self.count(warehouse, "SELECT count(*) FROM runs WHERE status = 'succeeded'") == 2)
        #expect(try Self.count(warehouse, "SELECT run_id FROM published_runs WHERE run_date = '2026-11-28'") == 2)
        // The figures in the warehouse are those of indicators.csv.
        let csv = try String(contentsOfFile: work.file("a/indicators.csv"), encoding: .utf8)
        let insurance = try #require(csv.split(separator: "\n").first { $0.hasPrefix("province,52,贵州省,insurance_rate,") })
        let stored = try DatabaseQueue(path: warehouse).read {
            try Row.fetchOne($0, sql: "SELECT numerator, denominator, value_text FROM indicator_values WHERE run_date = '2026-11-28' AND level = 'province' AND indicator = 'insurance_rate'")
        }
        let fields = insurance.split(separator: ",", omittingEmptySubsequences: false)
        #expect(String(describing: stored?["numerator"] as Int64?) == "Optional(\(fields[4]))")
        #expect(stored?["value_text"] as String? == String(fields[6]))
        // Every deliberately bad row of the sample, as its manifest counts them.
        let manifest = try String(contentsOfFile: Self.sample + "/dirty_manifest.csv", encoding: .utf8)
        let badRows = manifest.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Int($0) } }
        #expect(try Self.count(warehouse, "SELECT count(*) FROM quarantine WHERE run_date = '2026-11-28'") == badRows.reduce(0, +))
    }

    @Test func aFailingFeedLeavesThePublishedFiguresAndRecordsTheFailure() throws {
        let work = try TemporaryFolder("nightly")
        let warehouse = work.file("w.sqlite")
        #expect(try Self.run(date: "2026-11-28", out: work.file("out"), warehouse: warehouse).status == 0)
        let before = try Self.snapshot(work.file("out"))
        let published = try DatabaseQueue(path: warehouse).read { try Row.fetchAll($0, sql: "SELECT * FROM indicator_values ORDER BY level, code, indicator") }
        // A copy of the sample whose regions feed lost its key_county column.
        let data = work.file("data")
        try FileManager.default.copyItem(atPath: Self.sample, toPath: data)
        let regions = data + "/regions.csv"
        let text = try String(contentsOfFile: regions, encoding: .utf8).replacingOccurrences(of: ",key_county", with: ",key")
        try text.write(toFile: regions, atomically: true, encoding: .utf8)
        let failed = try Self.run(data: data, date: "2026-11-28", out: work.file("out"), warehouse: warehouse)
        #expect(failed.status == 3)
        #expect(failed.standardError.contains("regions.csv:1: missing key_county"))
        #expect(try Self.snapshot(work.file("out")) == before)
        let after = try DatabaseQueue(path: warehouse).read { try Row.fetchAll($0, sql: "SELECT * FROM indicator_values ORDER BY level, code, indicator") }
        #expect(after == published)
        #expect(try Self.count(warehouse, "SELECT count(*) FROM runs WHERE status = 'failed' AND error_message LIKE '%key_county%'") == 1)
    }

    @Test func aSecondRunIsRefusedAtOnceWhileTheWarehouseIsHeld() throws {
        let work = try TemporaryFolder("nightly")
        let path = work.file("w.sqlite")
        let holder = try Warehouse.open(path: path)
        let started = Date()
        let refused = try Self.run(date: "2026-11-28", out: work.file("out"), warehouse: path)
        #expect(refused.status == 5)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(refused.standardError.contains("w.sqlite.lock"))
        #expect(!FileManager.default.fileExists(atPath: work.file("out")))
        try holder.close()
        #expect(try Self.run(date: "2026-11-28", out: work.file("out"), warehouse: path).status == 0)
    }

    @Test func killingARunAtAnyStageLeavesEverythingAsItWas() throws {
        let work = try TemporaryFolder("nightly-kill")
        let data = work.file("province"), out = work.file("out"), warehouse = work.file("w.sqlite")
        #expect(try BottomlineProcess.run(["generate", "--persons", "150000", "--seed", "5", "--out", data]).status == 0)
        #expect(try Self.run(data: data, date: "2026-11-27", out: out, warehouse: warehouse).status == 0)
        let outputs = try Self.snapshot(out)
        let figures = try Self.count(warehouse, "SELECT count(*) FROM indicator_values")
        for marker in ["stage pipeline", "ingest persons.csv", "stage engine"] {
            let running = try BottomlineProcess.start(["run", "--data", data, "--date", "2026-11-28", "--out", out,
                                                       "--warehouse", warehouse, "--threads", "2"])
            let deadline = Date().addingTimeInterval(120)
            while !running.standardErrorSoFar().contains(marker) && running.process.isRunning && Date() < deadline {
                usleep(2_000)
            }
            kill(running.process.processIdentifier, SIGKILL)
            running.process.waitUntilExit()
            #expect(running.process.terminationReason == .uncaughtSignal, "killed at \(marker)")
            #expect(try Self.snapshot(out) == outputs, "outputs after a kill at \(marker)")
            #expect(try Self.count(warehouse, "SELECT count(*) FROM indicator_values") == figures)
            #expect(try Self.count(warehouse, "SELECT count(*) FROM published_runs WHERE run_date = '2026-11-28'") == 0)
            let integrity = try DatabaseQueue(path: warehouse).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok")
        }
        // The next run succeeds, and the killed attempts are recorded as interrupted.
        #expect(try Self.run(data: data, date: "2026-11-28", out: out, warehouse: warehouse).status == 0)
        #expect(try Self.count(warehouse, "SELECT count(*) FROM runs WHERE status = 'failed' AND error_message LIKE 'interrupted%'") == 3)
        #expect(try Self.count(warehouse, "SELECT count(*) FROM published_runs") == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }
}
