/// `water.csv` (water sector): drinking water of each household.
public enum Water {
    /// Row index in `households.csv`.
    public static let householdID = FeedColumn.reference("household_id", .code(width: 16), to: .household)
    public static let tapWater = FeedColumn.flag("tap_water")
    public static let safe = FeedColumn.flag("safe")

    static let schema = FeedSchema(
        feed: .water, fields: [householdID.field, tapWater.field, safe.field], key: [householdID.field],
        sector: Sector(owner: .household, join: .onePerKey, labelZH: "饮水", labelEN: "Water"))
}
