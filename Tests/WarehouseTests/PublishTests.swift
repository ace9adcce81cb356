import Engine
import Foundation
import GRDB
import Ingest
import Testing
import TestSupport
import Warehouse

@Suite struct PublishTests {
    typealias Fixture = WarehouseFixture

    /// Every published row of a date as `level code indicator → numerator denominator value value_text name`.
    private func published(_ file: SQLiteFile, date: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try file.rows("SELECT * FROM indicator_values WHERE run_date = ?", [date]) {
            let key = "\(row["level"] as String) \(row["code"] as String) \(row["indicator"] as String)"
            let denominator: Int64? = row["denominator"]
            let value: Double? = row["value"]
            result[key] = "\(row["numerator"] as Int64) \(denominator.map(String.init) ?? "NULL") "
                + "\(value.map { String($0) } ?? "NULL") [\(row["value_text"] as String)] \(row["name"] as String)"
        }
        return result
    }

    /// The same rows computed from the table itself.
    private func expected(_ table: IndicatorTable) -> [String: String] {
        var result: [String: String] = [:]
        for (a, area) in table.areas.enumerated() {
            for (i, indicator) in table.indicators.enumerated() {
                let denominator = indicator.isRatio ? String(table.denominator(area: a, indicator: i)) : "NULL"
                let value = table.value(area: a, indicator: i).map { String($0) } ?? "NULL"
                result["\(area.level.rawValue) \(area.code) \(indicator.id)"] =
                    "\(table.numerator(area: a, indicator: i)) \(denominator) \(value) "
                    + "[\(table.formattedValue(area: a, indicator: i))] \(area.name)"
            }
        }
        return result
    }

    @Test func publishedFiguresReadBackExactly() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        var night = Fixture.firstNight
        night[1].relocatedHouseholds = 0  // a ratio with a zero denominator: value NULL, text empty
        let table = Fixture.table(night)
        let warehouse = try Warehouse.open(path: path)
        let run = try warehouse.beginRun(date: Fixture.firstDate, pipelineHash: "abc", toolVersion: "0.1", threads: 4)
        #expect(try SQLiteFile(path: path).strings("SELECT status FROM runs") == ["running"])
        try warehouse.publish(runID: run, table: table, inputs: Fixture.inputs(Fixture.firstQuarantine),
                              quarantine: Fixture.firstQuarantine)
        try warehouse.close()

        let file = SQLiteFile(path: path)
        let rows = try published(file, date: Fixture.firstDate)
        #expect(rows.count == table.areas.count * table.indicators.count)
        #expect(rows == expected(table))
        #expect(rows["county 520103 employed_per_relocated_household"]?.hasPrefix("0 0 NULL [] ") == true)

        let runRow = try #require(try file.rows("SELECT * FROM runs").first)
        #expect(runRow["status"] == "succeeded")
        #expect(runRow["run_date"] == Fixture.firstDate)
        #expect(runRow["pipeline_hash"] == "abc")
        #expect(runRow["threads"] == 4)
        let finished: String = try #require(runRow["finished_at"])
        #expect(finished.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)
        #expect(try file.rows("SELECT run_id FROM published_runs WHERE run_date = ?", [Fixture.firstDate])
            .map { $0["run_id"] as Int64 } == [run])

        let definitions = try file.rows("SELECT * FROM indicator_definitions ORDER BY catalogue_order")
        #expect(definitions.map { $0["indicator"] as String } == Fixture.indicators.map(\.id))
        #expect(definitions[1]["target_comparison"] == ">=")
        #expect(definitions[1]["target_value"] == 0.99)
        #expect(definitions[1]["label_zh"] == "参保率")
        #expect(definitions[0]["target_comparison"] as String? == nil)

        let quarantine = try file.rows("SELECT feed, line, reason, column, value FROM quarantine ORDER BY feed, line")
        #expect(quarantine.count == Fixture.firstQuarantine.count)
        #expect(quarantine.first?["feed"] == "households")
        #expect(quarantine.first?["column"] == "household_id")

        let accounting = try file.rows("SELECT feed, reason, rows FROM feed_accounting WHERE run_id = ? ORDER BY feed",
                                       [run])
        #expect(accounting.map { "\($0["feed"] as String) \($0["reason"] as String) \($0["rows"] as Int)" }
            == ["households duplicate_key 1", "persons invalid_person_id 2"])
        let inputs = try file.rows("SELECT * FROM run_inputs WHERE feed = 'persons'")
        #expect(inputs.first?["rows_quarantined"] == 2)
        #expect(inputs.first?["rows_accepted"] == 98)
        #expect(inputs.first?["file_name"] == "persons.csv")
        #expect(try file.int("SELECT count(*) FROM run_inputs") == Feed.allCases.count)
        #expect(try file.strings("PRAGMA integrity_check") == ["ok"])
        #expect(try file.strings("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func publishingADateAgainReplacesItsFigures() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        let warehouse = try Warehouse.open(path: path)
        let first = try Fixture.publish(Fixture.firstNight, quarantine: Fixture.firstQuarantine,
                                        date: Fixture.secondDate, pipelineHash: "a", into: warehouse)
        let second = try warehouse.beginRun(date: Fixture.secondDate, pipelineHash: "b", toolVersion: "t", threads: 1)
        let table = Fixture.table(Fixture.secondNight)
        try warehouse.publish(runID: second, table: table, inputs: Fixture.inputs(Fixture.secondQuarantine),
                              quarantine: Fixture.secondQuarantine)
        try warehouse.close()

        let file = SQLiteFile(path: path)
        #expect(try published(file, date: Fixture.secondDate) == expected(table))
        #expect(try file.int("SELECT count(*) FROM indicator_values") == table.areas.count * table.indicators.count)
        #expect(try file.rows("SELECT run_id, status FROM runs ORDER BY run_id")
            .map { "\($0["run_id"] as Int64) \($0["status"] as String)" } == ["\(first) succeeded", "\(second) succeeded"])
        #expect(try file.int("SELECT run_id FROM published_runs") == Int(second))
        #expect(try file.int("SELECT count(*) FROM quarantine") == Fixture.secondQuarantine.count)
        #expect(try file.int("SELECT count(DISTINCT run_id) FROM quarantine") == 1)
    }

    @Test func aFailedRunLeavesThePublishedFiguresAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        let warehouse = try Warehouse.open(path: path)
        let good = try Fixture.publish(Fixture.firstNight, quarantine: Fixture.firstQuarantine,
                                       date: Fixture.firstDate, pipelineHash: "a", into: warehouse)
        let file = SQLiteFile(path: path)
        let before = try published(file, date: Fixture.firstDate)
        let quarantineBefore = try file.int("SELECT count(*) FROM quarantine")

        let bad = try warehouse.beginRun(date: Fixture.firstDate, pipelineHash: "a", toolVersion: "t", threads: 1)
        try warehouse.fail(runID: bad, message: "persons.csv: 9% quarantined",
                           inputs: Fixture.inputs(Fixture.secondQuarantine))
        #expect(throws: WarehouseError.runNotRunning(runID: bad)) {
            try warehouse.publish(runID: bad, table: Fixture.table(Fixture.secondNight), inputs: [], quarantine: [])
        }
        #expect(throws: WarehouseError.runNotRunning(runID: 999)) { try warehouse.fail(runID: 999, message: "x") }
        try warehouse.close()

        #expect(try published(file, date: Fixture.firstDate) == before)
        #expect(try file.int("SELECT count(*) FROM quarantine") == quarantineBefore)
        #expect(try file.int("SELECT run_id FROM published_runs") == Int(good))
        let failed = try #require(try file.rows("SELECT * FROM runs WHERE run_id = ?", [bad]).first)
        #expect(failed["status"] == "failed")
        #expect(failed["error_message"] == "persons.csv: 9% quarantined")
        #expect((failed["finished_at"] as String?) != nil)
        #expect(try file.strings("SELECT reason FROM feed_accounting WHERE run_id = ? ORDER BY reason", [bad])
            == ["invalid_person_id", "invalid_value"])
    }

    @Test func aRunDateMustBeARealDate() throws {
        let folder = try TemporaryFolder()
        let warehouse = try Warehouse.open(path: folder.file("warehouse.sqlite"))
        for text in ["2026-02-30", "28/11/2026", "2026-1-5"] {
            #expect(throws: WarehouseError.invalidDate(text)) {
                try warehouse.beginRun(date: text, pipelineHash: "h", toolVersion: "t", threads: 1)
            }
        }
    }
}
