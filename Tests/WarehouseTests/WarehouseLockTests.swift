import Foundation
import Testing
import TestSupport
import Warehouse

@Suite struct WarehouseLockTests {
    @Test func aSecondWriterIsRefusedAtOnceUntilTheFirstCloses() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        let first = try Warehouse.open(path: path)
        let started = Date()
        do {
            _ = try Warehouse.open(path: path)
            Issue.record("the second open should have thrown busy")
        } catch let WarehouseError.busy(lockPath, holder) {
            #expect(lockPath == path + ".lock")
            #expect(holder?.contains("pid \(ProcessInfo.processInfo.processIdentifier)") == true)
            let message = WarehouseError.busy(lockPath: lockPath, holder: holder).description
            #expect(message.contains("another bottomline run") && message.contains(lockPath))
        }
        print("second open refused after \(Date().timeIntervalSince(started)) s")
        try first.close()
        try Warehouse.open(path: path).close()
    }

    @Test func theLockIsDroppedWhenTheWarehouseIsReleased() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        do { _ = try Warehouse.open(path: path) }
        try Warehouse.open(path: path).close()
    }

    @Test func anotherProcessSeesTheLock() throws {
        let flock = "/usr/bin/flock"
        guard FileManager.default.isExecutableFile(atPath: flock) else { return }
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        let warehouse = try Warehouse.open(path: path)
        #expect(try exitStatus(flock, ["--nonblock", path, "true"]) == 1)
        try warehouse.close()
        #expect(try exitStatus(flock, ["--nonblock", path, "true"]) == 0)
    }

    @Test func readersNeedNoLock() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        try WarehouseFixture.makeWarehouse(at: path)
        let writer = try Warehouse.open(path: path)
        let reader = try Warehouse.openForReading(path: path)
        #expect(try reader.publishedDates() == [WarehouseFixture.firstDate, WarehouseFixture.secondDate])
        try reader.close()
        try writer.close()
    }

    @Test func aRunLeftRunningIsMarkedInterruptedOnTheNextOpen() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        let killed = try Warehouse.open(path: path)
        let runID = try killed.beginRun(date: "2026-11-28", pipelineHash: "h", toolVersion: "test", threads: 1)
        #expect(killed.interruptedRuns.isEmpty)
        try killed.close()
        #expect(try SQLiteFile(path: path).strings("SELECT status FROM runs") == ["running"])

        let next = try Warehouse.open(path: path)
        #expect(next.interruptedRuns == [runID])
        try next.close()
        let rows = try SQLiteFile(path: path).rows("SELECT status, error_message FROM runs WHERE run_id = ?", [runID])
        #expect(rows.first?["status"] == "failed")
        #expect(rows.first?["error_message"] == Warehouse.interruptedMessage)
        #expect(try Warehouse.open(path: path).interruptedRuns.isEmpty)
    }

    private func exitStatus(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
