/// The feed contract (version 1) as schemas: every column, its type, what may
/// be empty, what it refers to, and the rules between columns.
public enum FeedContract {
    public static let categories = ["poverty_alleviated", "monitored", "ordinary"]
    public static let monitoringTypes = ["unstable", "marginal", "sudden_hardship"]
    public static let riskStatuses = ["eliminated", "not_eliminated"]
    public static let assistanceMeasures = ["industry", "employment", "welfare_job", "bottom_line",
                                            "education", "medical", "housing", "water", "credit"]
    public static let relations = ["head", "spouse", "child", "parent", "other"]
    public static let laborCapacities = ["full", "weak", "none"]
    public static let educationStages = ["preschool", "primary", "junior", "senior", "vocational", "higher"]
    public static let educationStatuses = ["enrolled", "dropped_out", "suspended", "home_taught", "transferred"]
    public static let housingGrades = ["A", "B", "C", "D"]
    public static let employmentStatuses = ["employed", "unemployed", "not_in_labor_force"]
    public static let workLocations = ["in_county", "in_province", "out_of_province"]

    /// The schema of one feed.
    public static func schema(of feed: Feed) -> FeedSchema {
        switch feed {
        case .regions: return regions
        case .villages: return villages
        case .households: return households
        case .persons: return persons
        case .education: return education
        case .medicalInsurance: return medicalInsurance
        case .housing: return housing
        case .water: return water
        case .employment: return employment
        }
    }

    static let regions = FeedSchema(
        feed: .regions,
        fields: [
            FieldSchema("prefecture_code", .code(width: 6)),
            FieldSchema("prefecture_name", .text),
            FieldSchema("county_code", .code(width: 6)),
            FieldSchema("county_name", .text),
            FieldSchema("key_county", .flag),
        ],
        keyFields: ["county_code"], defines: .county, rowRules: [])

    static let villages = FeedSchema(
        feed: .villages,
        fields: [
            FieldSchema("village_code", .code(width: 12)),
            FieldSchema("village_name", .text),
            FieldSchema("township_code", .code(width: 9)),
            FieldSchema("township_name", .text),
            FieldSchema("county_code", .code(width: 6), references: .county),
        ],
        keyFields: ["village_code"], defines: .village,
        rowRules: [
            .prefix(code: 0, divisor: 1_000_000, part: 4, blame: 0, expected: "a village code whose first 6 digits are its county_code"),
            .prefix(code: 0, divisor: 1_000, part: 2, blame: 2, expected: "the first 9 digits of the village code"),
        ])

    static let households = FeedSchema(
        feed: .households,
        fields: [
            FieldSchema("household_id", .code(width: 16)),
            FieldSchema("village_code", .code(width: 12), references: .village),
            FieldSchema("category", .choice(categories)),
            FieldSchema("monitoring_type", .choice(monitoringTypes), optional: true),
            FieldSchema("risk_status", .choice(riskStatuses), optional: true),
            FieldSchema("clue_date", .date, optional: true),
            FieldSchema("inclusion_date", .date, optional: true),
            FieldSchema("elimination_date", .date, optional: true),
            FieldSchema("relocated", .flag),
            FieldSchema("income_per_capita", .decimal),
            FieldSchema("assistance", .choiceSet(assistanceMeasures), optional: true),
        ],
        keyFields: ["household_id"], defines: .household,
        rowRules: [
            .emptyUnless(field: 3, condition: 2, value: Int64(categories.firstIndex(of: "monitored")! + 1),
                         expected: "empty: only monitored households have a monitoring_type"),
            .emptyUnless(field: 4, condition: 2, value: Int64(categories.firstIndex(of: "monitored")! + 1),
                         expected: "empty: only monitored households have a risk_status"),
        ])

    static let persons = FeedSchema(
        feed: .persons,
        fields: [
            FieldSchema("person_id", .residentID),
            FieldSchema("household_id", .code(width: 16), references: .household),
            FieldSchema("relation", .choice(relations)),
            FieldSchema("labor_capacity", .choice(laborCapacities)),
        ],
        keyFields: ["person_id"], defines: .person, rowRules: [])

    static let education = FeedSchema(
        feed: .education,
        fields: [
            FieldSchema("person_id", .residentID, references: .person),
            FieldSchema("stage", .choice(educationStages)),
            FieldSchema("status", .choice(educationStatuses)),
        ],
        keyFields: ["person_id"], defines: nil, rowRules: [])

    static let medicalInsurance = FeedSchema(
        feed: .medicalInsurance,
        fields: [
            FieldSchema("person_id", .residentID, references: .person),
            FieldSchema("year", .year),
            FieldSchema("insured", .flag),
        ],
        keyFields: ["person_id", "year"], defines: nil, rowRules: [])

    static let housing = FeedSchema(
        feed: .housing,
        fields: [
            FieldSchema("household_id", .code(width: 16), references: .household),
            FieldSchema("grade", .choice(housingGrades)),
            FieldSchema("renovated", .flag),
        ],
        keyFields: ["household_id"], defines: nil, rowRules: [])

    static let water = FeedSchema(
        feed: .water,
        fields: [
            FieldSchema("household_id", .code(width: 16), references: .household),
            FieldSchema("tap_water", .flag),
            FieldSchema("safe", .flag),
        ],
        keyFields: ["household_id"], defines: nil, rowRules: [])

    static let employment = FeedSchema(
        feed: .employment,
        fields: [
            FieldSchema("person_id", .residentID, references: .person),
            FieldSchema("status", .choice(employmentStatuses)),
            FieldSchema("location", .choice(workLocations), optional: true),
            FieldSchema("welfare_job", .flag),
            FieldSchema("months", .integer(0...12)),
            FieldSchema("monthly_income", .decimal),
            FieldSchema("trainings", .integer(0...999_999_999)),
        ],
        keyFields: ["person_id"], defines: nil,
        rowRules: [
            .emptyUnless(field: 2, condition: 1, value: Int64(employmentStatuses.firstIndex(of: "employed")! + 1),
                         expected: "empty: only employed persons have a location"),
        ])
}
