/// `persons.csv` (villages): the monitoring roster's persons.
public enum Persons {
    public static let personID = FeedColumn.residentID("person_id")
    /// Row index in `households.csv`.
    public static let householdID = FeedColumn.reference("household_id", .code(width: 16), to: .household)
    public static let relation = FeedColumn.choice("relation", ["head", "spouse", "child", "parent", "other"])
    public static let laborCapacity = FeedColumn.choice("labor_capacity", ["full", "weak", "none"])
    /// 在册 / 已故 / 现役军人 / 服刑; empty means resident (stored as 0).
    public static let status = FeedColumn.choice("status", ["resident", "deceased", "military", "prison"], optional: true)

    static let schema = FeedSchema(
        feed: .persons,
        fields: [personID.field, householdID.field, relation.field, laborCapacity.field, status.field],
        key: [personID.field], defines: .person)
}
