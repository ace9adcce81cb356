/// Migration v5: the nights' changes to the households' current state
/// (docs/warehouse.md, "Household history and alerts"). Before it, every
/// night rewrote the whole `household_current` BLOB (226 MB for 4.7 million
/// households); now a night following the latest one writes only its changed
/// households, and the BLOB is rewritten only when the changes pile up.
enum HouseholdChangesSchema {
    static let sql = """
        CREATE TABLE household_current_changes (
            run_date TEXT PRIMARY KEY,
            changed  INTEGER NOT NULL,
            records  BLOB NOT NULL
        );

        PRAGMA user_version = 5;
        """
}
