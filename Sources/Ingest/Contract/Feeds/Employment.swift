/// `employment.csv` (human-resources sector): work of persons of working age.
public enum Employment {
    /// Row index in `persons.csv`.
    public static let personID = FeedColumn.reference("person_id", .residentID, to: .person)
    public static let status = FeedColumn.choice("status", ["employed", "unemployed", "not_in_labor_force"])
    /// Where the work is, seen from the home: inside the home township, outside it
    /// inside the county, outside the county inside the province, outside the province.
    public static let location = FeedColumn.choice("location", ["township", "county", "province", "outside_province"],
                                                   optional: true)
    public static let welfareJob = FeedColumn.flag("welfare_job")
    /// Months worked in the last 12.
    public static let months = FeedColumn.integer("months", 0...12)
    public static let monthlyIncome = FeedColumn.decimal("monthly_income")
    public static let trainings = FeedColumn.integer("trainings", 0...999_999_999)

    static let schema = FeedSchema(
        feed: .employment,
        fields: [personID.field, status.field, location.field, welfareJob.field, months.field, monthlyIncome.field,
                 trainings.field],
        key: [personID.field],
        sector: Sector(owner: .person, join: .onePerKey, labelZH: "就业", labelEN: "Employment"),
        rules: [
            .emptyUnless(location, .equals(status, "employed"), "empty: only employed persons have a location"),
        ])
}
