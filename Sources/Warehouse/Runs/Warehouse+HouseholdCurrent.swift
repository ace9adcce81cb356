import EarlyWarning
import Foundation
import GRDB
import Ingest

/// The households' current state: the BLOB of `household_current` (a base
/// night) and, in `household_current_changes`, each later night's changed
/// households. A night that follows the latest one writes only its changes
/// (about 2 MB when 1 % of 4.7 million households change, against 226 MB for
/// the whole state); the whole state is written again on the first night, after
/// a rerun or a late run, for a small province, or once the changes add up to
/// more than a quarter of the households.
extension Warehouse {
    /// The state on `latest` (the latest recorded night), or nil when the stored state is not that night's;
    /// the base BLOB is decoded with the later nights' changes applied, in one pass on `threads` threads.
    func currentState(_ db: Database, latest: Int32, threads: Int = 1) throws -> HouseholdSnapshot? {
        guard let baseDate = try String.fetchOne(db, sql: "SELECT run_date FROM household_current"),
              let baseNight = DayNumber.parse(baseDate) else { return nil }
        var night = baseNight
        var changes: [HouseholdSnapshot] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT run_date, records FROM household_current_changes WHERE run_date > ? ORDER BY run_date
            """, arguments: [DayNumber.format(baseNight)])
        while let row = try rows.next() {
            guard let day = DayNumber.parse(row["run_date"]),
                  let change = Self.snapshot(row["records"] as Data?) else { return nil }
            night = day
            changes.append(change)
        }
        guard night == latest else { return nil }
        let records = try Row.fetchCursor(db, sql: "SELECT records FROM household_current")
        guard let row = try records.next(),
              let whole = try row.withUnsafeData(atIndex: 0, { blob in
                  blob.flatMap { data in
                      data.withUnsafeBytes { HouseholdSnapshot(encoded: $0, applying: changes, threads: threads) }
                  }
              }) else { return nil }
        return whole
    }

    /// Writes the state on `night` (the latest recorded night) of `households` households: only `changes`, its
    /// changes to the stored state, when given and the state is large, else the whole `state` (built only then;
    /// the older changes go).
    func writeCurrentState(_ db: Database, _ state: @autoclosure () -> HouseholdSnapshot, households: Int, night: Int32,
                           changes: HouseholdSnapshot?) throws {
        let date = DayNumber.format(night)
        if let changes, households >= smallestStateKeptAsChanges,
           try Int.fetchOne(db, sql: "SELECT count(*) FROM household_current") == 1 {
            let pending = try Int.fetchOne(db, sql: "SELECT coalesce(sum(changed), 0) FROM household_current_changes") ?? 0
            if pending + changes.count <= households / 4 {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO household_current_changes (run_date, changed, records) VALUES (?, ?, ?)
                    """, arguments: [date, changes.count, Data(changes.encoded())])
                return
            }
        }
        let whole = state()
        try db.execute(sql: "DELETE FROM household_current_changes")
        try db.execute(sql: """
            INSERT OR REPLACE INTO household_current (id, run_date, households, records) VALUES (1, ?, ?, ?)
            """, arguments: [date, whole.count, Data(whole.encoded())])
    }

    private static func snapshot(_ blob: Data?) -> HouseholdSnapshot? {
        guard let blob else { return nil }
        return blob.withUnsafeBytes { HouseholdSnapshot(encoded: $0) }
    }
}
