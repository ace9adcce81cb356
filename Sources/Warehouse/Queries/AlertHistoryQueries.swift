/// The queries of `Warehouse.alertHistory`: county rows of one indicator over a range of dates, read
/// through the history index (they repeat its level condition, else SQLite reads every area's rows of
/// those dates through the primary key).
enum AlertHistoryQueries {
    /// `night_new_inclusions` by county, for dates from the first argument up to (not including) the second.
    static let inclusions = """
        SELECT run_date, code, numerator FROM indicator_values
        WHERE indicator = 'night_new_inclusions' AND \(WarehouseSchema.historyIndexLevels) AND level = 'county'
          AND run_date >= ? AND run_date < ? AND value IS NOT NULL
        ORDER BY run_date
        """

    /// One indicator (first argument) by county, for dates from the second argument up to the third.
    static let values = """
        SELECT code, value FROM indicator_values
        WHERE indicator = ? AND \(WarehouseSchema.historyIndexLevels) AND level = 'county'
          AND run_date >= ? AND run_date < ? AND value IS NOT NULL
        ORDER BY run_date
        """
}
