import Foundation
import GRDB

/// A run whose publishing started and has not ended: where its outputs are
/// staged and whether its figures are already committed.
public struct PendingPublication: Sendable, Equatable {
    public let runID: Int64
    public let date: String
    /// The output folder readers use.
    public let out: String
    /// Where the run writes its outputs before they are put in place.
    public let staging: String
    /// Where the previous outputs are moved while the new ones go in.
    public let aside: String
    /// True when the outputs are moved file by file inside `out` (a mount point), false for a folder rename.
    public let inPlace: Bool
    /// True once the figures are committed: the outputs must then be put in place (roll forward).
    public let committed: Bool

    public init(runID: Int64, date: String, out: String, staging: String, aside: String, inPlace: Bool,
                committed: Bool) {
        self.runID = runID
        self.date = date
        self.out = out
        self.staging = staging
        self.aside = aside
        self.inPlace = inPlace
        self.committed = committed
    }
}

extension Warehouse {
    /// Records, in its own transaction, that a running run starts writing its
    /// outputs to `publication.staging` (phase `writing`).
    public func startPublication(_ publication: PendingPublication) throws {
        try database.write { db in
            _ = try runningDate(db, runID: publication.runID)
            try db.execute(sql: """
                INSERT OR REPLACE INTO publish_journal
                    (run_id, run_date, out_path, staging_path, aside_path, in_place, phase)
                VALUES (?, ?, ?, ?, ?, ?, 'writing')
                """, arguments: [publication.runID, publication.date, publication.out, publication.staging,
                                 publication.aside, publication.inPlace])
        }
    }

    /// Publications that started and have not ended, oldest first.
    public func pendingPublications() throws -> [PendingPublication] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM publish_journal ORDER BY run_id").map { row in
                PendingPublication(runID: row["run_id"], date: row["run_date"], out: row["out_path"],
                                   staging: row["staging_path"], aside: row["aside_path"], inPlace: row["in_place"],
                                   committed: (row["phase"] as String) == "committed")
            }
        }
    }

    /// Ends a committed publication whose outputs are in place: the run becomes `succeeded`.
    public func completePublication(runID: Int64, finishedAt: Date = Date()) throws {
        try database.write { db in
            _ = try runningDate(db, runID: runID)
            try finish(db, runID: runID, status: "succeeded", message: nil, finishedAt: finishedAt)
            try db.execute(sql: "DELETE FROM publish_journal WHERE run_id = ?", arguments: [runID])
        }
    }

    /// Takes back the figures of a committed run whose outputs could not be
    /// put in place: its date is no longer published, and the run is failed with `message`.
    public func withdrawPublication(runID: Int64, message: String, finishedAt: Date = Date()) throws {
        try database.write { db in
            let date = try runningDate(db, runID: runID)
            if try publishedRun(db, date: date) == runID {
                try db.execute(sql: "DELETE FROM indicator_values WHERE run_date = ?", arguments: [date])
                try db.execute(sql: "DELETE FROM quarantine WHERE run_date = ?", arguments: [date])
                try db.execute(sql: "DELETE FROM published_runs WHERE run_date = ?", arguments: [date])
            }
            try finish(db, runID: runID, status: "failed", message: message, finishedAt: finishedAt)
            try db.execute(sql: "DELETE FROM publish_journal WHERE run_id = ?", arguments: [runID])
        }
    }

    /// Deletes the journal row of a run that is no longer running (left by a
    /// tool that changed `runs` by hand); the run's status stays as it is.
    public func dropPublication(runID: Int64) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM publish_journal WHERE run_id = ?", arguments: [runID])
        }
    }

    /// The journal phase of a run, if it has a row.
    func journalPhase(_ db: Database, runID: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT phase FROM publish_journal WHERE run_id = ?", arguments: [runID])
    }
}
