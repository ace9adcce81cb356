/// `villages.csv` (counties): villages with their townships.
public enum Villages {
    public static let villageCode = FeedColumn.code("village_code", width: 12)
    public static let villageName = FeedColumn.text("village_name")
    public static let townshipCode = FeedColumn.code("township_code", width: 9)
    public static let townshipName = FeedColumn.text("township_name")
    /// Row index in `regions.csv`.
    public static let countyCode = FeedColumn.reference("county_code", .code(width: 6), to: .county)

    static let schema = FeedSchema(
        feed: .villages,
        fields: [villageCode.field, villageName.field, townshipCode.field, townshipName.field, countyCode.field],
        key: [villageCode.field], defines: .village,
        rules: [
            .prefix(villageCode, width: 12, digits: 6, of: countyCode, otherWidth: 6, otherDigits: 6,
                    "a village code whose first 6 digits are its county_code"),
            .prefix(townshipCode, width: 9, digits: 9, of: villageCode, otherWidth: 12, otherDigits: 9,
                    "the first 9 digits of the village code"),
        ])
}
