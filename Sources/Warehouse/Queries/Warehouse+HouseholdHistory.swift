import EarlyWarning
import Engine
import Foundation
import GRDB
import Ingest

extension Warehouse {
    /// The household history as tonight (`date`) needs it: nothing yet, the
    /// latest night's state in one piece (every night recorded is earlier), or
    /// the whole history when tonight is a rerun or a late run of an earlier date. The latest state is
    /// decoded on `threads` threads.
    public func householdBasis(before date: String, threads: Int = 1) throws -> HistoryBasis {
        try database.read { db in
            let nights = try String.fetchAll(db, sql: "SELECT run_date FROM household_nights ORDER BY run_date")
                .compactMap(DayNumber.parse)
            guard let latest = nights.last, let night = DayNumber.parse(date) else { return .empty }
            if latest < night, let snapshot = try currentState(db, latest: latest, threads: threads) {
                return .latest(night: latest, snapshot: snapshot)
            }
            var intervals: [HouseholdInterval] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(HouseholdHistoryRows.columns) FROM household_history ORDER BY household, valid_from
                """)
            while let row = try rows.next() {
                if let interval = HouseholdHistoryRows.interval(row) { intervals.append(interval) }
            }
            return .rebuild(intervals: intervals, nights: nights)
        }
    }

    /// Writes tonight's household history, the current state and the alerts (inside the publish transaction).
    func record(_ db: Database, date: String, warning: EarlyWarningNight) throws {
        let settings = warning.settings, signals = warning.signals
        var steps: [(step: String, seconds: Double)] = []
        var clock = Date()
        func lap(_ step: String) {
            steps.append((step, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        try HouseholdHistoryRows.apply(warning.edit, settings: settings, to: db)
        try db.execute(sql: "INSERT OR REPLACE INTO household_nights (run_date, households) VALUES (?, ?)",
                       arguments: [date, warning.households])
        lap("rows")
        try writeCurrentState(db, warning.currentState(), households: warning.currentHouseholds,
                              night: warning.snapshotNight, changes: warning.changes)
        lap("current state")
        try db.execute(sql: "DELETE FROM hard_signals")
        for (bit, signal) in signals.enumerated() {
            try db.execute(sql: "INSERT INTO hard_signals (bit, signal) VALUES (?, ?)", arguments: [1 << bit, signal.id])
        }
        try db.execute(sql: "DELETE FROM alerts WHERE run_date = ?", arguments: [date])
        let insert = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO alerts
                (run_date, county_code, county_name, alert, indicator, value, threshold, reason, per_10000)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for alert in warning.summary.alerts {
            try insert.execute(arguments: [date, alert.countyCode, alert.countyName, alert.kind.rawValue, alert.indicator,
                                           alert.value, alert.threshold, alert.reason, alert.perTenThousand])
        }
        try pruneAreaValues(db, keepNights: settings.villageNights)
        lap("alerts and pruning")
        lastHistorySteps = steps
    }

    /// Drops village, township and site figures of all but the latest `keepNights` published dates
    /// (county and above are kept for ever).
    private func pruneAreaValues(_ db: Database, keepNights: Int) throws {
        guard let oldest = try String.fetchOne(db, sql: """
            SELECT run_date FROM published_runs ORDER BY run_date DESC LIMIT 1 OFFSET ?
            """, arguments: [keepNights - 1]) else { return }
        try db.execute(sql: """
            DELETE FROM indicator_values WHERE run_date < ? AND level IN ('village', 'township', 'site')
            """, arguments: [oldest])
    }

    /// The counties' earlier nights the alerts compare tonight with, read through the history index (county
    /// rows of one indicator), not through the dates' rows of every area.
    public func alertHistory(before date: String, settings: EarlyWarningSettings, watched: [String]) throws -> AlertHistory {
        guard let night = DayNumber.parse(date) else { return AlertHistory() }
        let since = DayNumber.format(night - Int32(settings.surgeDays * (settings.surgeBaselineWindows + 1)))
        return try database.read { db in
            var history = AlertHistory()
            for row in try Row.fetchAll(db, sql: AlertHistoryQueries.inclusions, arguments: [since, date]) {
                guard let day = DayNumber.parse(row["run_date"]) else { continue }
                history.inclusions[row["code"], default: []].append((day, row["numerator"]))
            }
            let dates = try String.fetchAll(db, sql: """
                SELECT run_date FROM published_runs WHERE run_date < ? ORDER BY run_date DESC LIMIT ?
                """, arguments: [date, settings.outlierNights])
            guard let first = dates.last else { return history }
            for indicator in watched {
                for row in try Row.fetchAll(db, sql: AlertHistoryQueries.values, arguments: [indicator, first, date]) {
                    history.values[indicator, default: [:]][row["code"], default: []].append(row["value"])
                }
            }
            return history
        }
    }

    /// One household's history rows, oldest first (for `bottomline household`).
    public func householdHistory(_ household: HouseholdHash) throws -> [HouseholdHistoryRow] {
        try database.read { db in
            let names = try Row.fetchAll(db, sql: "SELECT bit, signal FROM hard_signals ORDER BY bit")
                .map { (bit: $0["bit"] as Int, signal: $0["signal"] as String) }
            return try Row.fetchAll(db, sql: """
                SELECT * FROM household_history WHERE household = ? ORDER BY valid_from
                """, arguments: [Data(household.bytes)]).map { row in
                let bits: Int = row["hard_signals"]
                return HouseholdHistoryRow(
                    validFrom: row["valid_from"], validTo: row["valid_to"], category: row["category"],
                    monitoringType: row["monitoring_type"], riskStatus: row["risk_status"],
                    clueOutcome: row["clue_outcome"], clueDate: row["clue_date"],
                    hardSignals: names.filter { bits & $0.bit != 0 }.map(\.signal), incomeBand: row["income_band"],
                    income: row["income"], members: row["members"], villageCode: row["village_code"])
            }
        }
    }
}

/// One validity interval of a household as the warehouse shows it.
public struct HouseholdHistoryRow: Sendable, Equatable {
    public let validFrom: String
    /// Exclusive; nil while it holds.
    public let validTo: String?
    public let category: String
    public let monitoringType: String
    public let riskStatus: String
    public let clueOutcome: String
    public let clueDate: String?
    public let hardSignals: [String]
    public let incomeBand: String
    public let income: Double
    public let members: Int
    public let villageCode: String
}
