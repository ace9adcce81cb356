/// `medical_insurance.csv` (medical-insurance sector): participation per person and year.
public enum MedicalInsurance {
    /// Row index in `persons.csv`.
    public static let personID = FeedColumn.reference("person_id", .residentID, to: .person)
    public static let year = FeedColumn.year("year")
    public static let insured = FeedColumn.flag("insured")

    static let schema = FeedSchema(
        feed: .medicalInsurance, fields: [personID.field, year.field, insured.field], key: [personID.field, year.field],
        sector: Sector(owner: .person, join: .referenceYear(year), labelZH: "医保", labelEN: "Medical insurance"))
}
