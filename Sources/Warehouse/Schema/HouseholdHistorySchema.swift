/// Migration v4: the early warning's tables (docs/warehouse.md, "Household
/// history and alerts"). No raw household or resident ID is ever stored:
/// households are named by a keyed hash whose key lives outside the warehouse.
enum HouseholdHistorySchema {
    static let sql = """
        CREATE TABLE household_nights (
            run_date   TEXT PRIMARY KEY,
            households INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE household_history (
            household       BLOB NOT NULL CHECK (length(household) = 16),
            valid_from      TEXT NOT NULL,
            valid_to        TEXT,
            category        TEXT NOT NULL,
            monitoring_type TEXT NOT NULL,
            risk_status     TEXT NOT NULL,
            clue_outcome    TEXT NOT NULL,
            clue_date       TEXT,
            hard_signals    INTEGER NOT NULL,
            income_band     TEXT NOT NULL,
            income          REAL NOT NULL,
            members         INTEGER NOT NULL,
            village_code    TEXT NOT NULL,
            PRIMARY KEY (household, valid_from)
        ) WITHOUT ROWID;

        CREATE TABLE household_current (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            run_date   TEXT NOT NULL,
            households INTEGER NOT NULL,
            records    BLOB NOT NULL
        );

        CREATE TABLE hard_signals (
            bit    INTEGER PRIMARY KEY,
            signal TEXT NOT NULL
        );

        CREATE TABLE alerts (
            run_date    TEXT NOT NULL,
            county_code TEXT NOT NULL,
            county_name TEXT NOT NULL,
            alert       TEXT NOT NULL CHECK (alert IN ('inclusion_surge', 'outlier', 'return', 'overdue_clues')),
            indicator   TEXT NOT NULL,
            value       TEXT NOT NULL,
            threshold   TEXT NOT NULL,
            reason      TEXT NOT NULL,
            per_10000   REAL,
            PRIMARY KEY (run_date, county_code, alert, indicator)
        ) WITHOUT ROWID;

        PRAGMA user_version = 4;
        """
}
