import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The SQLite warehouse: every run, the published figures of each date, the
/// quarantine and the feeds' accounting, for `history`, `diff` and `sqlite3`.
///
/// A writer (`open`) holds an exclusive lock on `PATH.lock` until `close()` or
/// deinitialisation, so only one run writes at a time; readers
/// (`openForReading`) take no lock and see the last committed state.
public final class Warehouse {
    /// The schema version this build writes (also in `PRAGMA user_version`).
    public static let schemaVersion = WarehouseSchema.version

    /// The SQLite file.
    public let path: String
    /// Runs found `running` when the warehouse was opened for writing (left by
    /// a killed process) and marked failed as interrupted.
    public let interruptedRuns: [Int64]

    let database: DatabaseQueue
    /// Seconds the last publish spent writing the household history, current state and alerts (0 without them).
    public internal(set) var lastHistorySeconds = 0.0
    /// Its steps (`rows`, `current state`, `alerts and pruning`), in seconds.
    public internal(set) var lastHistorySteps: [(step: String, seconds: Double)] = []
    /// The fewest households whose current state a night writes as changes only
    /// (`household_current_changes`); a smaller state is rewritten whole, which
    /// costs less than a millisecond per thousand households.
    var smallestStateKeptAsChanges = 100_000
    private let lock: WarehouseLock?

    private init(path: String, database: DatabaseQueue, lock: WarehouseLock?, interruptedRuns: [Int64]) {
        self.path = path
        self.database = database
        self.lock = lock
        self.interruptedRuns = interruptedRuns
    }

    deinit {
        try? database.close()
        lock?.release()
    }

    /// Opens (creating the file and its folder if needed) the warehouse for a
    /// run: takes the lock, brings the schema up to date, and marks runs left
    /// `running` by a killed process as failed.
    /// - Throws: `WarehouseError.busy` at once when another process holds the
    ///   lock; `.newerSchema` when a newer bottomline upgraded the file.
    public static func open(path: String) throws -> Warehouse {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw WarehouseError.cannotOpen(path: path, reason: "cannot create the folder \(folder)")
            }
        }
        let refusal = WarehouseFileCheck.refusal(path: path)
        let lock = try WarehouseLock(database: path)
        if let refusal { throw refusal }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // A publish dirties ~25 MB of figures' pages and, with the household history, about one page of
            // `household_history` per changed household (~190 MB for 46,500 at 17M persons): keep them in memory
            // until the commit instead of spilling them to the WAL mid-transaction (up to 512 MB, used only if needed).
            try db.execute(sql: "PRAGMA cache_size = -524288")
        }
        let database = try queue(path: path, configuration: configuration)
        let runs = try recognised(path: path) {
            try database.read { db in try checkSchema(db, path: path) }
            try WarehouseSchema.migrator.migrate(database)
            return try markInterruptedRuns(database)
        }
        return Warehouse(path: path, database: database, lock: lock, interruptedRuns: runs)
    }

    /// Opens an existing warehouse to read it (`history`, `diff`), without the
    /// lock: a run may write meanwhile, reads see the last committed state.
    /// Nothing is written: a warehouse in a folder this user may only read
    /// (and without a write-ahead log left over) is opened as immutable.
    /// - Throws: `.notFound` when there is no file at `path`, `.notAWarehouse`
    ///   when it has no bottomline schema, `.olderSchema` when a run must
    ///   upgrade it first. A file upgraded by a newer bottomline can be read.
    public static func openForReading(path: String) throws -> Warehouse {
        guard FileManager.default.fileExists(atPath: path) else { throw WarehouseError.notFound(path: path) }
        try WarehouseFileCheck.checkBeforeOpening(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let database = try queue(path: readOnlyName(path), configuration: configuration)
        try recognised(path: path) {
            try database.read { db in
                let migrator = WarehouseSchema.migrator
                guard try migrator.hasCompletedMigrations(db) else {
                    let applied = try migrator.appliedMigrations(db)
                    throw applied.isEmpty ? WarehouseError.notAWarehouse(path: path)
                        : WarehouseError.olderSchema(path: path)
                }
            }
        }
        return Warehouse(path: path, database: database, lock: nil, interruptedRuns: [])
    }

    /// The name SQLite opens for reading: the path itself, or an immutable
    /// URI when this user cannot write the file or its folder (SQLite could
    /// not create its shared-memory file) and there is no log to read.
    private static func readOnlyName(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let writable = access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
        var log = stat()
        let hasLog = stat(path + "-wal", &log) == 0 && log.st_size > 0
        guard !writable, !hasLog else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Closes the file and releases the lock. The warehouse cannot be used afterwards.
    public func close() throws {
        try database.close()
        lock?.release()
    }

    /// Refuses a file that a newer bottomline upgraded, or that holds tables but no warehouse schema.
    private static func checkSchema(_ db: Database, path: String) throws {
        if try WarehouseSchema.migrator.hasBeenSuperseded(db) { throw WarehouseError.newerSchema(path: path) }
        try WarehouseFileCheck.checkVersion(db, path: path)
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
        if tables > 0, try !db.tableExists("grdb_migrations") { throw WarehouseError.notAWarehouse(path: path) }
    }

    /// Runs `body`, turning SQLite's "not a database" into `.notAWarehouse`.
    @discardableResult
    private static func recognised<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw WarehouseError.notAWarehouse(path: path)
        }
    }

    private static func queue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw WarehouseError.notAWarehouse(path: path)
        } catch let error as DatabaseError {
            throw WarehouseError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
