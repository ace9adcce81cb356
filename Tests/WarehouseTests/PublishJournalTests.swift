import Foundation
import Testing
import TestSupport
import Warehouse

/// The publish journal: a run with a row stays `running` after its commit,
/// and only `completePublication` makes it `succeeded`.
@Suite struct PublishJournalTests {
    typealias Fixture = WarehouseFixture

    static func pending(_ runID: Int64) -> PendingPublication {
        PendingPublication(runID: runID, date: Fixture.secondDate, out: "/srv/out", staging: "/srv/.out.staging-run\(runID)",
                           aside: "/srv/.out.previous-run\(runID)", inPlace: false, committed: false)
    }

    @Test func aJournaledRunSucceedsOnlyWhenItsOutputsAreInPlace() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        try Fixture.makeWarehouse(at: path)
        let warehouse = try Warehouse.open(path: path)
        let run = try warehouse.beginRun(date: Fixture.secondDate, pipelineHash: "h", toolVersion: "t", threads: 1)
        try warehouse.startPublication(Self.pending(run))
        #expect(try warehouse.pendingPublications() == [Self.pending(run)])
        try warehouse.publish(runID: run, table: Fixture.table(Fixture.firstNight), inputs: [], quarantine: [])
        let file = SQLiteFile(path: path)
        #expect(try file.strings("SELECT status FROM runs WHERE run_id = ?", [run]) == ["running"])
        #expect(try file.int("SELECT run_id FROM published_runs WHERE run_date = ?", [Fixture.secondDate]) == Int(run))
        #expect(try warehouse.pendingPublications().map(\.committed) == [true])
        // A committed run cannot be failed: its outputs must go in place (or the figures be withdrawn).
        #expect(throws: WarehouseError.alreadyCommitted(runID: run)) {
            try warehouse.fail(runID: run, message: "late error")
        }
        try warehouse.completePublication(runID: run)
        #expect(try file.strings("SELECT status FROM runs WHERE run_id = ?", [run]) == ["succeeded"])
        #expect(try warehouse.pendingPublications().isEmpty)
        try warehouse.close()
    }

    @Test func theNextOpeningLeavesJournaledRunsToTheRecovery() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        let killed = try Warehouse.open(path: path)
        let journaled = try killed.beginRun(date: Fixture.secondDate, pipelineHash: "h", toolVersion: "t", threads: 1)
        try killed.startPublication(Self.pending(journaled))
        let bare = try killed.beginRun(date: Fixture.secondDate, pipelineHash: "h", toolVersion: "t", threads: 1)
        try killed.close()
        let next = try Warehouse.open(path: path)
        #expect(next.interruptedRuns == [bare])
        #expect(try next.isRunning(runID: journaled))
        try next.fail(runID: journaled, message: Warehouse.interruptedMessage)
        #expect(try next.pendingPublications().isEmpty)
        try next.close()
    }

    @Test func withdrawingACommittedRunUnpublishesItsDate() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        let warehouse = try Warehouse.open(path: path)
        let run = try warehouse.beginRun(date: Fixture.secondDate, pipelineHash: "h", toolVersion: "t", threads: 1)
        try warehouse.startPublication(Self.pending(run))
        try warehouse.publish(runID: run, table: Fixture.table(Fixture.secondNight), inputs: [],
                              quarantine: Fixture.secondQuarantine)
        try warehouse.withdrawPublication(runID: run, message: "outputs lost")
        let file = SQLiteFile(path: path)
        #expect(try file.int("SELECT count(*) FROM published_runs") == 0)
        #expect(try file.int("SELECT count(*) FROM indicator_values") == 0)
        #expect(try file.int("SELECT count(*) FROM quarantine") == 0)
        #expect(try file.strings("SELECT status FROM runs") == ["failed"])
        #expect(try warehouse.pendingPublications().isEmpty)
        try warehouse.close()
    }
}
