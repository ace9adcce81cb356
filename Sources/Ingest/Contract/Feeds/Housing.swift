/// `housing.csv` (housing sector): the safety grade of each household's house.
public enum Housing {
    /// Row index in `households.csv`.
    public static let householdID = FeedColumn.reference("household_id", .code(width: 16), to: .household)
    /// C and D are unsafe.
    public static let grade = FeedColumn.choice("grade", ["A", "B", "C", "D"])
    public static let renovated = FeedColumn.flag("renovated")

    static let schema = FeedSchema(
        feed: .housing, fields: [householdID.field, grade.field, renovated.field], key: [householdID.field],
        sector: Sector(owner: .household, join: .onePerKey, labelZH: "住房", labelEN: "Housing"))
}
