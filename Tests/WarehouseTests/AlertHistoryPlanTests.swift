import GRDB
import Testing
import TestSupport
@testable import Warehouse

/// The alert history reads the counties' rows through the history index, so its cost does not grow
/// with every area's rows of the earlier nights (SQLite's own plan, on a real file).
@Suite struct AlertHistoryPlanTests {
    @Test func theAlertHistoryReadsTheHistoryIndexNotEveryAreaOfTheDates() throws {
        let folder = try TemporaryFolder()
        let warehouse = try Warehouse.open(path: folder.file("w.sqlite"))
        let queries: [(String, StatementArguments)] = [
            (AlertHistoryQueries.inclusions, ["2026-10-01", "2026-11-28"]),
            (AlertHistoryQueries.values, ["night_returns", "2026-11-01", "2026-11-28"]),
        ]
        for (sql, arguments) in queries {
            let plan = try warehouse.database.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                    .map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("INDEX indicator_values_history (indicator=? AND level=?") }, "\(plan)")
            #expect(!plan.contains { $0.contains("PRIMARY KEY") }, "\(plan)")
        }
    }
}
