import Engine
import GRDB

extension Warehouse {
    /// Dates that have published figures, oldest first.
    public func publishedDates() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT run_date FROM published_runs ORDER BY run_date") }
    }

    /// The run whose figures are published for `date`, if any.
    public func publishedRun(date: String) throws -> Int64? {
        try database.read { db in try publishedRun(db, date: date) }
    }

    func publishedRun(_ db: Database, date: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT run_id FROM published_runs WHERE run_date = ?", arguments: [date])
    }

    /// The published run of `date`, or a message listing the published dates.
    func requirePublishedRun(_ db: Database, date: String) throws -> Int64 {
        guard Timestamp.isRunDate(date) else { throw WarehouseError.invalidDate(date) }
        if let run = try publishedRun(db, date: date) { return run }
        let dates = try String.fetchAll(db, sql: "SELECT run_date FROM published_runs ORDER BY run_date")
        throw WarehouseError.noPublishedRun(date: date, published: dates)
    }

    /// Ids of the indicators of published runs, the latest run's catalogue order first.
    func publishedIndicators(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT d.indicator FROM indicator_definitions d JOIN published_runs p ON p.run_id = d.run_id
            GROUP BY d.indicator ORDER BY max(d.run_id) DESC, min(d.catalogue_order), d.indicator
            """)
    }

    /// The stored definition of each indicator of a run, in catalogue order.
    func definitions(_ db: Database, runID: Int64) throws -> [StoredDefinition] {
        try Row.fetchAll(db, sql: """
            SELECT indicator, label_zh, label_en, unit, decimals, denominator IS NOT NULL AS is_ratio,
                   target_comparison, target_value
            FROM indicator_definitions WHERE run_id = ? ORDER BY catalogue_order
            """, arguments: [runID]).map(StoredDefinition.init(row:))
    }
}

/// An indicator as a run recorded it in `indicator_definitions`.
struct StoredDefinition {
    let id: String
    let labelZH: String
    let labelEN: String
    let unit: String
    let decimals: Int
    let isRatio: Bool
    let target: Target?

    init(row: Row) {
        id = row["indicator"]
        labelZH = row["label_zh"]
        labelEN = row["label_en"]
        unit = row["unit"]
        decimals = row["decimals"]
        isRatio = row["is_ratio"]
        let comparison: String? = row["target_comparison"]
        let value: Double? = row["target_value"]
        if let comparison, let kind = Target.Comparison(rawValue: comparison), let value {
            target = Target(comparison: kind, value: value)
        } else {
            target = nil
        }
    }
}
