import Foundation
import GRDB
import Testing
import TestSupport

/// Every ```sql block of docs/warehouse.md runs against a real warehouse and returns rows.
@Suite struct WarehouseDocTests {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/warehouse.md")

    /// The text of each fenced `sql` block.
    static func queries() throws -> [String] {
        let text = try String(contentsOf: document, encoding: .utf8)
        var queries: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```sql" {
                current = []
            } else if let lines = current, line.trimmingCharacters(in: .whitespaces) == "```" {
                queries.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return queries
    }

    @Test func theDocumentHasTheQueriesAStatisticianNeeds() throws {
        #expect(try Self.queries().count >= 6)
    }

    @Test(arguments: try queries())
    func queryRunsAndFindsRows(_ sql: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        try WarehouseFixture.makeWarehouse(at: path)
        var configuration = Configuration()
        configuration.readonly = true
        let rows = try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Row.fetchAll(db, sql: sql)
        }
        #expect(!rows.isEmpty, "no rows from:\n\(sql)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "/usr/bin/sqlite3 is not installed"))
    func theSqlite3ToolRunsThemToo() throws {
        let sqlite3 = "/usr/bin/sqlite3"
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        try WarehouseFixture.makeWarehouse(at: path)
        for sql in try Self.queries() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sqlite3)
            process.arguments = ["-readonly", "-bail", "-header", "-csv", path, sql]
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 && problem.isEmpty, "\(problem)\n\(sql)")
            #expect(text.split(separator: "\n").count >= 2, "header and at least one row expected from:\n\(sql)")
        }
    }
}
