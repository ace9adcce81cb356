/// `social_assistance.csv` (civil-affairs sector, 民政): who receives which support, from when to when.
public enum SocialAssistance {
    /// Row index in `persons.csv`.
    public static let personID = FeedColumn.reference("person_id", .residentID, to: .person)
    /// 最低生活保障, 特困人员供养, 临时救助.
    public static let kind = FeedColumn.choice("kind", ["dibao", "tekun", "temporary"])
    /// Not after the reference date.
    public static let startDate = FeedColumn.date("start_date")
    /// Empty while the support goes on; may be after the reference date (a support granted until a known day).
    public static let endDate = FeedColumn.date("end_date", optional: true, mayFollowReference: true)

    static let schema = FeedSchema(
        feed: .socialAssistance, fields: [personID.field, kind.field, startDate.field, endDate.field],
        key: [personID.field, kind.field],
        sector: Sector(owner: .person, join: .activeOnReferenceDate(kind: kind, start: startDate, end: endDate),
                       labelZH: "社会救助", labelEN: "Social assistance"),
        rules: [
            .notBefore(endDate, startDate, "an end_date not before the start_date, or empty while the support goes on"),
        ])
}
