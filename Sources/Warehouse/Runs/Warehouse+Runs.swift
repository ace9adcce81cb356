import Foundation
import GRDB

extension Warehouse {
    /// The error message of a run found `running` when the warehouse is next opened.
    public static let interruptedMessage = "interrupted (the process stopped before finishing)"

    /// Records the start of a run (`status = 'running'`) in its own transaction.
    /// - Parameters:
    ///   - date: the run date, `YYYY-MM-DD`.
    ///   - pipelineHash: fingerprint of the pipeline file, as the caller computes it.
    ///   - toolVersion: the bottomline version that runs.
    ///   - threads: worker threads of the run.
    /// - Returns: the new run's id.
    public func beginRun(date: String, pipelineHash: String, toolVersion: String, threads: Int,
                         startedAt: Date = Date()) throws -> Int64 {
        guard Timestamp.isRunDate(date) else { throw WarehouseError.invalidDate(date) }
        return try database.write { db in
            try db.execute(sql: """
                INSERT INTO runs (run_date, started_at, status, pipeline_hash, tool_version, threads)
                VALUES (?, ?, 'running', ?, ?, ?)
                """, arguments: [date, Timestamp.text(startedAt), pipelineHash, toolVersion, threads])
            return db.lastInsertedRowID
        }
    }

    /// Marks a running run failed, with the message and (when given) what it
    /// read, in its own transaction, and (unless `endingPublication` is
    /// false: its staging folder is still to be removed) ends its publish
    /// journal row. Published figures are left as they were.
    /// - Throws: `.runNotRunning` when the run is unknown or already finished,
    ///   `.alreadyCommitted` when its figures are committed (see `withdrawPublication`).
    public func fail(runID: Int64, message: String, inputs: [RunInput] = [], endingPublication: Bool = true,
                     finishedAt: Date = Date()) throws {
        try database.write { db in
            _ = try runningDate(db, runID: runID)
            if try journalPhase(db, runID: runID) == "committed" { throw WarehouseError.alreadyCommitted(runID: runID) }
            if endingPublication {
                try db.execute(sql: "DELETE FROM publish_journal WHERE run_id = ?", arguments: [runID])
            }
            try record(db, runID: runID, inputs: inputs)
            try finish(db, runID: runID, status: "failed", message: message, finishedAt: finishedAt)
        }
    }

    /// Whether the run exists and is still `running`.
    public func isRunning(runID: Int64) throws -> Bool {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM runs WHERE run_id = ?", arguments: [runID]) == "running"
        }
    }

    /// The run date of a run that is still running.
    func runningDate(_ db: Database, runID: Int64) throws -> String {
        guard let date = try String.fetchOne(db, sql: "SELECT run_date FROM runs WHERE run_id = ? AND status = 'running'",
                                             arguments: [runID]) else {
            throw WarehouseError.runNotRunning(runID: runID)
        }
        return date
    }

    /// Writes a run's inputs and their accounting by reason (only reasons with rows).
    func record(_ db: Database, runID: Int64, inputs: [RunInput]) throws {
        let input = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO run_inputs
                (run_id, feed, file_name, bytes, sha256, rows_read, rows_accepted, rows_quarantined)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let accounting = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO feed_accounting (run_id, feed, reason, rows) VALUES (?, ?, ?, ?)
            """)
        for item in inputs.sorted(by: { $0.feed < $1.feed }) {
            try input.execute(arguments: [runID, item.feed.rawValue, item.feed.fileName, item.bytes, item.sha256,
                                          item.rowsRead, item.rowsAccepted, item.rowsQuarantined])
            for (reason, rows) in item.quarantinedByReason.sorted(by: { $0.key < $1.key }) where rows > 0 {
                try accounting.execute(arguments: [runID, item.feed.rawValue, reason.rawValue, rows])
            }
        }
    }

    func finish(_ db: Database, runID: Int64, status: String, message: String?, finishedAt: Date) throws {
        try db.execute(sql: "UPDATE runs SET status = ?, error_message = ?, finished_at = ? WHERE run_id = ?",
                       arguments: [status, message, Timestamp.text(finishedAt), runID])
    }

    /// Marks every `running` run without a publish journal row failed as
    /// interrupted; called with the lock held, so no live process can own
    /// them. Runs with a journal row are left to the publisher's recovery,
    /// which knows their output folders. Returns the ids marked.
    static func markInterruptedRuns(_ database: DatabaseQueue) throws -> [Int64] {
        try database.write { db in
            let unjournaled = "status = 'running' AND run_id NOT IN (SELECT run_id FROM publish_journal)"
            let ids = try Int64.fetchAll(db, sql: "SELECT run_id FROM runs WHERE \(unjournaled) ORDER BY run_id")
            if !ids.isEmpty {
                try db.execute(sql: "UPDATE runs SET status = 'failed', error_message = ? WHERE \(unjournaled)",
                               arguments: [interruptedMessage])
            }
            return ids
        }
    }
}
