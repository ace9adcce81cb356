/// `households.csv` (villages): the monitoring roster's households.
public enum Households {
    public static let householdID = FeedColumn.code("household_id", width: 16)
    /// Row index in `villages.csv`.
    public static let villageCode = FeedColumn.reference("village_code", .code(width: 12), to: .village)
    public static let category = FeedColumn.choice("category", ["poverty_alleviated", "monitored", "ordinary"])
    public static let monitoringType = FeedColumn.choice("monitoring_type", ["unstable", "marginal", "sudden_hardship"],
                                                         optional: true)
    public static let riskStatus = FeedColumn.choice("risk_status", ["eliminated", "not_eliminated"], optional: true)
    /// 致贫返贫风险类型.
    public static let riskTypes = FeedColumn.choiceSet(
        "risk_types", ["illness", "disability", "education", "disaster", "accident", "industry", "employment",
                       "labour_shortage", "other"], optional: true)
    public static let clueDate = FeedColumn.date("clue_date", optional: true)
    public static let clueOutcome = FeedColumn.choice("clue_outcome", ["pending", "included", "rejected"], optional: true)
    public static let inclusionDate = FeedColumn.date("inclusion_date", optional: true)
    public static let eliminationDate = FeedColumn.date("elimination_date", optional: true)
    public static let relocated = FeedColumn.flag("relocated")
    /// The resettlement site (易地扶贫搬迁安置点): county(6) + site(3).
    public static let siteCode = FeedColumn.code("site_code", width: 9, optional: true)
    public static let incomePerCapita = FeedColumn.decimal("income_per_capita")
    public static let incomePrevYear = FeedColumn.decimal("income_prev_year", optional: true)
    public static let assistance = FeedColumn.choiceSet(
        "assistance", ["industry", "employment", "welfare_job", "bottom_line", "education", "medical", "housing",
                       "water", "credit"], optional: true)

    private static let monitored = ColumnCondition.equals(category, "monitored")

    static let schema = FeedSchema(
        feed: .households,
        fields: [householdID.field, villageCode.field, category.field, monitoringType.field, riskStatus.field,
                 riskTypes.field, clueDate.field, clueOutcome.field, inclusionDate.field, eliminationDate.field,
                 relocated.field, siteCode.field, incomePerCapita.field, incomePrevYear.field, assistance.field],
        key: [householdID.field], defines: .household,
        rules: [
            .prefix(householdID, width: 16, digits: 12, of: villageCode, otherWidth: 12, otherDigits: 12,
                    "a household ID whose first 12 digits are its village_code"),
            .requiredWhen(monitoringType, monitored, "a monitoring_type: a monitored household has one"),
            .emptyUnless(monitoringType, monitored, "empty: only monitored households have a monitoring_type"),
            .requiredWhen(riskStatus, monitored, "a risk_status: a monitored household has one"),
            .emptyUnless(riskStatus, monitored, "empty: only monitored households have a risk_status"),
            .requiredWhen(riskTypes, monitored, "at least one risk type: a monitored household has one"),
            .emptyUnless(riskTypes, monitored, "empty: only monitored households have risk_types"),
            .requiredWhen(clueOutcome, .present(clueDate),
                          "a clue_outcome (pending, included or rejected): the household has a clue_date"),
            .emptyUnless(clueOutcome, .present(clueDate), "empty: a clue_outcome needs a clue_date"),
            .implies(.equals(clueOutcome, "included"), monitored,
                     "a clue included only on a monitored household (category monitored)"),
            .implies(.equals(clueOutcome, "included"), .present(inclusionDate),
                     "a clue included only with an inclusion_date"),
            .requiredWhen(inclusionDate, monitored, "an inclusion_date: a monitored household has one"),
            .emptyUnless(inclusionDate, monitored, "empty: only monitored households have an inclusion_date"),
            .requiredWhen(eliminationDate, .equals(riskStatus, "eliminated"),
                          "an elimination_date: an eliminated household has one"),
            .emptyUnless(eliminationDate, .equals(riskStatus, "eliminated"),
                         "empty: only eliminated households have an elimination_date"),
            .notBefore(eliminationDate, inclusionDate, "an elimination_date not before the inclusion_date"),
            .emptyUnless(siteCode, .isSet(relocated), "empty: only relocated households (relocated = 1) have a site_code"),
            .prefix(siteCode, width: 9, digits: 6, of: villageCode, otherWidth: 12, otherDigits: 6,
                    "a site code whose first 6 digits are the household's county (the first 6 digits of its village_code)"),
        ])
}
