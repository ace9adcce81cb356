import GRDB

/// Reads a warehouse file straight with SQLite, apart from the `Warehouse` API.
struct SQLiteFile {
    let path: String

    func rows(_ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        try queue().read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }

    func int(_ sql: String, _ arguments: StatementArguments = []) throws -> Int? {
        try queue().read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) }
    }

    func strings(_ sql: String, _ arguments: StatementArguments = []) throws -> [String] {
        try queue().read { db in try String.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// Writes outside the `Warehouse` API (to simulate other tools or versions).
    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try DatabaseQueue(path: path).write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    private func queue() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
