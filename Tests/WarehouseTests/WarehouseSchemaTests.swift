import Foundation
import Testing
import TestSupport
import Warehouse

@Suite struct WarehouseSchemaTests {
    @Test func migratesAnEmptyFileInANewFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("nested/out/warehouse.sqlite")
        let warehouse = try Warehouse.open(path: path)
        try warehouse.close()

        let file = SQLiteFile(path: path)
        let tables = try file.strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for table in ["runs", "run_inputs", "feed_accounting", "indicator_definitions", "indicator_values",
                      "published_runs", "quarantine", "publish_journal", "grdb_migrations"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        #expect(try file.strings("SELECT identifier FROM grdb_migrations ORDER BY identifier") == ["v1", "v2", "v3", "v4", "v5"])
        #expect(try file.int("PRAGMA user_version") == Warehouse.schemaVersion)
        #expect(try file.strings("PRAGMA journal_mode") == ["wal"])
        #expect(try file.strings("PRAGMA integrity_check") == ["ok"])
        let historyIndex = try file.strings("SELECT name FROM pragma_index_info('indicator_values_history')")
        #expect(historyIndex == ["indicator", "level", "code", "run_date"])
        // Catalogue v2: the key-county group and the resettlement sites have indexed history too.
        let indexSQL = try file.strings("SELECT sql FROM sqlite_master WHERE name = 'indicator_values_history'").joined()
        #expect(indexSQL.contains("'group'") && indexSQL.contains("'site'") && !indexSQL.contains("'village'"))
    }

    @Test func reopeningKeepsTheDataAndDoesNotMigrateAgain() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        try WarehouseFixture.makeWarehouse(at: path)
        let before = try SQLiteFile(path: path).int("SELECT count(*) FROM indicator_values")
        try Warehouse.open(path: path).close()
        #expect(try SQLiteFile(path: path).int("SELECT count(*) FROM indicator_values") == before)
        #expect(try SQLiteFile(path: path).int("SELECT count(*) FROM grdb_migrations") == 5)
    }

    @Test func refusesAFileUpgradedByANewerVersion() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        try Warehouse.open(path: path).close()
        try SQLiteFile(path: path).execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        #expect(throws: WarehouseError.newerSchema(path: path)) { try Warehouse.open(path: path) }
        // Reading stays possible: upgrades only add tables and columns.
        #expect(try Warehouse.openForReading(path: path).publishedDates().isEmpty)
    }

    @Test func refusesADatabaseThatIsNotAWarehouse() throws {
        let folder = try TemporaryFolder()
        let other = folder.file("other.sqlite")
        try SQLiteFile(path: other).execute("CREATE TABLE households (id TEXT)")
        #expect(throws: WarehouseError.notAWarehouse(path: other)) { try Warehouse.open(path: other) }
        #expect(throws: WarehouseError.notAWarehouse(path: other)) { try Warehouse.openForReading(path: other) }

        let text = folder.file("notes.sqlite")
        try Data("not a database at all, just some notes\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: WarehouseError.notAWarehouse(path: text)) { try Warehouse.openForReading(path: text) }
    }

    @Test func readingAMissingFileSaysSoAndCreatesNothing() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("missing.sqlite")
        #expect(throws: WarehouseError.notFound(path: path)) { try Warehouse.openForReading(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(WarehouseError.notFound(path: path).description.contains(path))
    }
}
