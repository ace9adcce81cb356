import Engine
import GRDB
import GRDBSQLite

/// The hot loop of a publish: ~250,000 `indicator_values` rows a night.
///
/// One statement, prepared once by GRDB inside the publish transaction, inserts
/// the rows of one area (one VALUES tuple per indicator). Areas and indicators
/// go in the order of the table's primary key (level, code, indicator, compared
/// as bytes like SQLite does), so every row is appended at the right edge of
/// the B-tree: pages are filled once and never split. Its parameters are
/// bound with the SQLite C functions on GRDB's `Statement.sqliteStatement`:
/// building a `StatementArguments` per row or area cost more than SQLite's
/// own work (measured: 2.0 s against 1.0 s for a province-sized table).
enum IndicatorValueRows {
    /// Tells SQLite to copy bound text (`SQLITE_TRANSIENT`).
    private static let copied = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds text by its UTF-8 bytes, which SQLite copies (no C string is built).
    private static func bind(_ text: String, _ statement: SQLiteStatement, _ index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), copied)
        }
    }

    /// Whether `a` sorts before `b` byte by byte (SQLite's BINARY collation of UTF-8 text).
    private static func precedes(_ a: (String, String), _ b: (String, String)) -> Bool {
        if a.0 != b.0 { return a.0.utf8.lexicographicallyPrecedes(b.0.utf8) }
        return a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
    }

    static func insert(_ table: IndicatorTable, date: String, into db: Database) throws {
        let indicators = table.indicators
        guard !indicators.isEmpty else { return }
        let tuple = "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
        let statement = try db.makeStatement(sql: """
            INSERT INTO indicator_values
                (run_date, level, code, name, indicator, numerator, denominator, value, value_text)
            VALUES \(Array(repeating: tuple, count: indicators.count).joined(separator: ", "))
            """)
        let raw = statement.sqliteStatement
        defer {
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
        }
        let areaOrder = table.areas.indices.sorted {
            Self.precedes((table.areas[$0].level.rawValue, table.areas[$0].code),
                          (table.areas[$1].level.rawValue, table.areas[$1].code))
        }
        let indicatorOrder = indicators.indices.sorted { Self.precedes((indicators[$0].id, ""), (indicators[$1].id, "")) }
        for areaIndex in areaOrder {
            let area = table.areas[areaIndex]
            sqlite3_reset(raw)
            var parameter: Int32 = 0
            func next() -> Int32 {
                parameter += 1
                return parameter
            }
            for indicatorIndex in indicatorOrder {
                let indicator = indicators[indicatorIndex]
                bind(date, raw, next())
                bind(area.level.rawValue, raw, next())
                bind(area.code, raw, next())
                bind(area.name, raw, next())
                bind(indicator.id, raw, next())
                sqlite3_bind_int64(raw, next(), table.numerator(area: areaIndex, indicator: indicatorIndex))
                if indicator.isRatio {
                    sqlite3_bind_int64(raw, next(), table.denominator(area: areaIndex, indicator: indicatorIndex))
                } else {
                    sqlite3_bind_null(raw, next())
                }
                if let value = table.value(area: areaIndex, indicator: indicatorIndex) {
                    sqlite3_bind_double(raw, next(), value)
                } else {
                    sqlite3_bind_null(raw, next())
                }
                bind(table.formattedValue(area: areaIndex, indicator: indicatorIndex), raw, next())
            }
            let code = sqlite3_step(raw)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
        }
    }
}
