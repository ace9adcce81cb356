import Engine
import Foundation
import GRDB
import Ingest

extension Warehouse {
    /// Publishes a run's figures as the figures of its date, in one transaction:
    /// the date's `indicator_values` and `quarantine` rows are replaced, the
    /// date points at this run in `published_runs`, the run's definitions,
    /// inputs and accounting are recorded, and the run is marked `succeeded`.
    /// If anything fails, nothing is written and the previous figures stay.
    ///
    /// A run with a publish journal row (`startPublication`) stays `running`
    /// instead and its row becomes `committed`: it succeeds only when
    /// `completePublication` says its outputs are in place.
    /// - Parameters:
    ///   - runID: a run from `beginRun` that is still running.
    ///   - table: every indicator for every area, in output order.
    ///   - inputs: what the run read from each feed.
    ///   - quarantine: every quarantined row of the run.
    /// - Complexity: O(areas × indicators + quarantined rows), one prepared statement per table.
    public func publish(runID: Int64, table: IndicatorTable, inputs: [RunInput], quarantine: some Sequence<QuarantineRecord>,
                        finishedAt: Date = Date()) throws {
        try database.inTransaction { db in
            let date = try runningDate(db, runID: runID)
            try replaceValues(db, date: date, table: table)
            try recordDefinitions(db, runID: runID, indicators: table.indicators)
            try replaceQuarantine(db, date: date, runID: runID, records: quarantine)
            try db.execute(sql: "INSERT OR REPLACE INTO published_runs (run_date, run_id) VALUES (?, ?)",
                           arguments: [date, runID])
            try record(db, runID: runID, inputs: inputs)
            if try journalPhase(db, runID: runID) != nil {
                try db.execute(sql: "UPDATE publish_journal SET phase = 'committed' WHERE run_id = ?",
                               arguments: [runID])
            } else {
                try finish(db, runID: runID, status: "succeeded", message: nil, finishedAt: finishedAt)
            }
            return .commit
        }
    }

    private func replaceValues(_ db: Database, date: String, table: IndicatorTable) throws {
        try db.execute(sql: "DELETE FROM indicator_values WHERE run_date = ?", arguments: [date])
        try IndicatorValueRows.insert(table, date: date, into: db)
    }

    private func recordDefinitions(_ db: Database, runID: Int64, indicators: [IndicatorDefinition]) throws {
        let insert = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO indicator_definitions
                (run_id, indicator, label_zh, label_en, entity, numerator, denominator, unit, decimals,
                 target_comparison, target_value, catalogue_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (order, indicator) in indicators.enumerated() {
            try insert.execute(arguments: [
                runID, indicator.id, indicator.labelZH, indicator.labelEN, indicator.entity.rawValue,
                indicator.numerator, indicator.denominator, indicator.unit, indicator.decimals,
                indicator.target?.comparison.rawValue, indicator.target?.value, order + 1,
            ])
        }
    }

    private func replaceQuarantine(_ db: Database, date: String, runID: Int64,
                                   records: some Sequence<QuarantineRecord>) throws {
        try db.execute(sql: "DELETE FROM quarantine WHERE run_date = ?", arguments: [date])
        let insert = try db.makeStatement(sql: """
            INSERT INTO quarantine (run_date, run_id, feed, line, reason, column, value, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for record in records {
            try insert.execute(arguments: [date, runID, record.feed.rawValue, record.line, record.reason.rawValue,
                                           record.column, record.value, record.message])
        }
    }
}
