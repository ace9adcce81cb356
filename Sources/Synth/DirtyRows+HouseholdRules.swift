import Ingest

/// Bad `households.csv` rows that break one rule between columns of contract
/// version 2 each (all `invalid_value`), on fresh household IDs.
extension DirtyRows {
    func householdRules() -> [DirtyRow] {
        let r = reference
        let day = { (offset: Int32) in DayNumber.format(r - offset) }
        let site = "\(county.code)001"
        let otherSite = "\(other.code)001"
        let village = String(freshHousehold(9_970).prefix(12))
        let otherVillage = String(village.prefix(6)) + "999999"
        func id(_ n: Int) -> String { freshHousehold(n) }
        func bad(_ note: String, _ fields: [String]) -> DirtyRow { DirtyRow(.households, .invalidValue, note, fields: fields) }
        return [
            bad("household ID whose first 12 digits (\(otherVillage)) are not its village_code",
                householdRow(otherVillage + "9971", "ordinary", income: "9800.00", village: village)),
            bad("a clue_outcome without a clue_date",
                householdRow(id(9_972), "ordinary", outcome: "rejected", income: "9800.00")),
            bad("a clue_date without a clue_outcome",
                householdRow(id(9_973), "ordinary", clue: day(20), income: "9800.00")),
            bad("a clue 'included' on an ordinary household",
                householdRow(id(9_974), "ordinary", clue: day(20), outcome: "included", income: "9800.00")),
            bad("a monitored household without risk_types",
                householdRow(id(9_975), "monitored", type: "marginal", status: "not_eliminated", clue: day(90),
                          outcome: "included", inclusion: day(80), income: "6200.00", assistance: "industry")),
            bad("a monitored household without an inclusion_date",
                householdRow(id(9_976), "monitored", type: "unstable", status: "not_eliminated", risks: "illness",
                          income: "6200.00", assistance: "industry")),
            bad("elimination_date before inclusion_date",
                householdRow(id(9_977), "monitored", type: "unstable", status: "eliminated", risks: "illness",
                          inclusion: day(100), elimination: day(200), income: "9200.00", assistance: "industry")),
            bad("an eliminated household without an elimination_date",
                householdRow(id(9_978), "monitored", type: "unstable", status: "eliminated", risks: "disability",
                          inclusion: day(100), income: "9200.00", assistance: "industry")),
            bad("a site_code on a household not relocated",
                householdRow(id(9_979), "poverty_alleviated", site: site, income: "12800.00", assistance: "industry")),
            bad("site_code \(otherSite) of another county",
                householdRow(id(9_980), "poverty_alleviated", relocated: "1", site: otherSite, income: "12800.00",
                          assistance: "employment")),
            bad("clue_date \(DayNumber.format(r + 3)) after the reference date",
                householdRow(id(9_981), "ordinary", clue: DayNumber.format(r + 3), outcome: "pending", income: "9800.00")),
            bad("risk type 'poverty' is not in the contract's list",
                householdRow(id(9_982), "monitored", type: "marginal", status: "not_eliminated", risks: "illness;poverty",
                          inclusion: day(50), income: "6900.00", assistance: "industry")),
        ]
    }
}
