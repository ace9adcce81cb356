/// `education.csv` (education sector): one row per pupil or student.
public enum Education {
    /// Row index in `persons.csv`.
    public static let personID = FeedColumn.reference("person_id", .residentID, to: .person)
    public static let stage = FeedColumn.choice("stage", ["preschool", "primary", "junior", "senior", "vocational", "higher"])
    /// `exempt`: 免学/缓学 for health reasons.
    public static let status = FeedColumn.choice(
        "status", ["enrolled", "dropped_out", "suspended", "home_taught", "transferred", "exempt"])

    static let schema = FeedSchema(
        feed: .education, fields: [personID.field, stage.field, status.field], key: [personID.field],
        sector: Sector(owner: .person, join: .onePerKey, labelZH: "教育", labelEN: "Education"))
}
