import Engine
import GRDB

extension Warehouse {
    /// The published figures of `indicator` at `level` over the dates, oldest first.
    /// - Parameters:
    ///   - code: only this area (its division code); nil for every area of the level.
    ///   - last: only the latest `last` dates; nil for all.
    /// - Throws: `.unknownIndicator` when no published run has the indicator,
    ///   `.unknownArea` when no figure matches `level` and `code`.
    public func history(indicator: String, level: RollupLevel = .province, code: String? = nil,
                        last: Int? = nil) throws -> IndicatorHistory {
        try database.read { db in
            guard let definition = try latestDefinition(db, indicator: indicator) else {
                throw WarehouseError.unknownIndicator(indicator, known: try publishedIndicators(db))
            }
            var filter = "indicator = ? AND level = ?"
            var arguments: StatementArguments = [indicator, level.rawValue]
            if let code {
                filter += " AND code = ?"
                arguments += [code]
            }
            // Date by date through the primary key (run_date, level, code, indicator).
            let dates = try String.fetchAll(db, sql: """
                SELECT run_date FROM published_runs AS p
                WHERE EXISTS (SELECT 1 FROM indicator_values WHERE run_date = p.run_date AND \(filter))
                ORDER BY run_date DESC LIMIT ?
                """, arguments: arguments + [last ?? -1]).reversed()
            guard let first = dates.first else {
                throw WarehouseError.unknownArea(level: level.rawValue, code: code ?? "(any)")
            }
            let points = try Row.fetchAll(db, sql: """
                SELECT run_date, code, name, numerator, denominator, value, value_text FROM indicator_values
                WHERE run_date IN (SELECT run_date FROM published_runs WHERE run_date >= ?) AND \(filter)
                ORDER BY run_date, code
                """, arguments: [first] + arguments).map { row in
                IndicatorHistory.Point(date: row["run_date"], code: row["code"], name: row["name"],
                                       numerator: row["numerator"], denominator: row["denominator"],
                                       value: row["value"], valueText: row["value_text"])
            }
            var names: [String: String] = [:]
            for point in points { names[point.code] = point.name }
            let areas = names.keys.sorted().map { IndicatorHistory.AreaName(code: $0, name: names[$0] ?? "") }
            return IndicatorHistory(indicator: indicator, labelZH: definition.labelZH, labelEN: definition.labelEN,
                                    unit: definition.unit, isRatio: definition.isRatio, level: level,
                                    dates: Array(dates), areas: areas, points: points)
        }
    }

    /// The definition of `indicator` in the latest published run that has it.
    private func latestDefinition(_ db: Database, indicator: String) throws -> StoredDefinition? {
        let run = try Int64.fetchOne(db, sql: """
            SELECT max(d.run_id) FROM indicator_definitions d JOIN published_runs p ON p.run_id = d.run_id
            WHERE d.indicator = ?
            """, arguments: [indicator])
        guard let run else { return nil }
        return try definitions(db, runID: run).first { $0.id == indicator }
    }
}
