import Foundation
import GRDB

/// What a file must look like before a run may write to it as the warehouse:
/// nothing at all (a new warehouse is created), or a SQLite file whose schema
/// this build knows. A 0-byte file (a failed copy) or any other file is
/// refused rather than silently turned into a new, empty warehouse.
enum WarehouseFileCheck {
    /// The first 16 bytes of every SQLite 3 database file.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Refuses a file at `path` that exists but is empty or not SQLite.
    static func checkBeforeOpening(path: String) throws {
        if let refusal = refusal(path: path) { throw refusal }
    }

    /// Why the file at `path` may not be opened as a warehouse, or nil when it
    /// may (it is missing, or it starts like a SQLite file). Asked before the
    /// lock is taken: taking it creates a missing file, empty.
    static func refusal(path: String) -> WarehouseError? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil } // nothing there: a new warehouse
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .notAWarehouse(path: path) }
        guard status.st_size > 0 else { return .emptyFile(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil } // unreadable: SQLite says why
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        return Array(header) == sqliteHeader ? nil : .notAWarehouse(path: path)
    }

    /// Refuses a warehouse whose `user_version` is newer than this build's schema.
    static func checkVersion(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > WarehouseSchema.version { throw WarehouseError.newerSchema(path: path) }
    }
}
