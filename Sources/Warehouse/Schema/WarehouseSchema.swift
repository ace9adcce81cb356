import GRDB

/// The warehouse's tables, built by numbered migrations.
///
/// Policy: migrations are only ever appended (`v2`, `v3`, …); a shipped
/// migration is never edited. Each one runs in its own transaction and sets
/// `PRAGMA user_version` to its number, so `sqlite3 FILE 'PRAGMA user_version'`
/// tells which schema a file has. A file migrated by a newer bottomline is
/// refused rather than written (see `WarehouseError.newerSchema`).
enum WarehouseSchema {
    /// The migrations this build knows, in order.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: version3)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: HouseholdHistorySchema.sql)
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: HouseholdChangesSchema.sql)
        }
        return migrator
    }()

    /// Schema version this build writes (the number of the last migration).
    static let version = 5

    /// The condition of the partial index `indicator_values_history` (v3). SQLite uses a partial index only
    /// for a query that repeats its condition word for word: a query for one county indicator over a range
    /// of dates that says only `level = 'county'` scans every row of those dates instead (villages included).
    static let historyIndexLevels = "level IN ('province', 'group', 'prefecture', 'county', 'site')"

    /// Catalogue v2 adds two levels, `group` (the key counties) and `site`
    /// (resettlement sites); `level` has no CHECK, so only the history index
    /// changes: it now also covers groups and sites (a few hundred areas, like
    /// the counties), so their history is as quick as a county's.
    private static let version3 = """
        DROP INDEX indicator_values_history;
        CREATE INDEX indicator_values_history ON indicator_values (indicator, level, code, run_date)
            WHERE level IN ('province', 'group', 'prefecture', 'county', 'site');
        PRAGMA user_version = 3;
        """

    /// `indicator_values` is keyed by date first, so a night's rows are
    /// appended together. The history index covers the province, prefectures
    /// and counties only: an index over every village, keyed by indicator and
    /// area, would get one new entry on a different page for each of the
    /// ~250,000 rows every night, so each publish would rewrite most of the
    /// index and slow down as the nights accumulate (measured: commit 0.2 s on
    /// the first night, 2.8 s by the thirtieth). Township and village history
    /// goes through the primary key, one date at a time (`run_date IN …`).
    private static let version1 = """
        CREATE TABLE runs (
            run_id        INTEGER PRIMARY KEY,
            run_date      TEXT NOT NULL CHECK (run_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            started_at    TEXT NOT NULL,
            finished_at   TEXT,
            status        TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            error_message TEXT,
            pipeline_hash TEXT NOT NULL,
            tool_version  TEXT NOT NULL,
            threads       INTEGER NOT NULL
        );
        CREATE INDEX runs_by_date ON runs (run_date, run_id);

        CREATE TABLE run_inputs (
            run_id           INTEGER NOT NULL REFERENCES runs (run_id),
            feed             TEXT NOT NULL,
            file_name        TEXT NOT NULL,
            bytes            INTEGER NOT NULL,
            sha256           TEXT NOT NULL,
            rows_read        INTEGER NOT NULL,
            rows_accepted    INTEGER NOT NULL,
            rows_quarantined INTEGER NOT NULL,
            PRIMARY KEY (run_id, feed)
        );

        CREATE TABLE feed_accounting (
            run_id INTEGER NOT NULL REFERENCES runs (run_id),
            feed   TEXT NOT NULL,
            reason TEXT NOT NULL,
            rows   INTEGER NOT NULL,
            PRIMARY KEY (run_id, feed, reason)
        );

        CREATE TABLE indicator_definitions (
            run_id            INTEGER NOT NULL REFERENCES runs (run_id),
            indicator         TEXT NOT NULL,
            label_zh          TEXT NOT NULL,
            label_en          TEXT NOT NULL,
            entity            TEXT NOT NULL,
            numerator         TEXT NOT NULL,
            denominator       TEXT,
            unit              TEXT NOT NULL,
            decimals          INTEGER NOT NULL,
            target_comparison TEXT CHECK (target_comparison IN ('>=', '<=', '=')),
            target_value      REAL,
            catalogue_order   INTEGER NOT NULL,
            PRIMARY KEY (run_id, indicator)
        );

        CREATE TABLE published_runs (
            run_date TEXT PRIMARY KEY,
            run_id   INTEGER NOT NULL REFERENCES runs (run_id)
        );

        CREATE TABLE indicator_values (
            run_date    TEXT NOT NULL,
            level       TEXT NOT NULL,
            code        TEXT NOT NULL,
            name        TEXT NOT NULL,
            indicator   TEXT NOT NULL,
            numerator   INTEGER NOT NULL,
            denominator INTEGER,
            value       REAL,
            value_text  TEXT NOT NULL,
            PRIMARY KEY (run_date, level, code, indicator)
        ) WITHOUT ROWID;
        CREATE INDEX indicator_values_history ON indicator_values (indicator, level, code, run_date)
            WHERE level = 'province' OR level = 'prefecture' OR level = 'county';

        CREATE TABLE quarantine (
            run_date TEXT NOT NULL,
            run_id   INTEGER NOT NULL REFERENCES runs (run_id),
            feed     TEXT NOT NULL,
            line     INTEGER NOT NULL,
            reason   TEXT NOT NULL,
            column   TEXT NOT NULL,
            value    TEXT NOT NULL,
            message  TEXT NOT NULL
        );
        CREATE INDEX quarantine_by_date ON quarantine (run_date, feed, reason);

        PRAGMA user_version = 1;
        """

    /// The publish journal: one row per run between the start of its
    /// publishing and the moment its outputs are in place (docs/operations.md,
    /// "How a night is published"). `phase` is `writing` until the figures
    /// are committed, then `committed`; the row is deleted when the run ends.
    private static let version2 = """
        CREATE TABLE publish_journal (
            run_id       INTEGER PRIMARY KEY REFERENCES runs (run_id),
            run_date     TEXT NOT NULL,
            out_path     TEXT NOT NULL,
            staging_path TEXT NOT NULL,
            aside_path   TEXT NOT NULL,
            in_place     INTEGER NOT NULL CHECK (in_place IN (0, 1)),
            phase        TEXT NOT NULL CHECK (phase IN ('writing', 'committed'))
        );

        PRAGMA user_version = 2;
        """
}
