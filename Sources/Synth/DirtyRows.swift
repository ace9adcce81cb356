import Ingest

/// The deliberately bad rows of `--dirty`: every quarantine reason, a few
/// rows per feed.
///
/// Each row breaks exactly one rule and is valid in every other respect, so
/// its reason is unambiguous (the pipeline checks the field count and the
/// encoding first, then each field left to right with its reference, then
/// rules between columns, then repeated keys). Bad rows only use keys that no
/// other feed refers to — fresh households and persons, or existing ones
/// without a row in that feed — so no dependant falls into `unknown_*`.
/// An unterminated quote is always a feed's last row: the reader looks for
/// the closing quote up to the end of the file.
struct DirtyRows {
    let keys: BorrowedKeys
    let reference: Int32
    /// The first generated county, whose keys the bad rows use, and another one.
    let county: County
    let other: County

    /// The bad rows of every feed, in the order they are appended.
    func rows() -> [DirtyRow] {
        regions() + villages() + households() + persons() + education() + insurance() + housing()
            + water() + employment() + socialAssistance()
    }

    // MARK: Keys the bad rows use

    /// A valid resident ID of the first county with a sequence from the
    /// reserved range, so it belongs to no generated person.
    private func freshID(_ year: Int, _ month: Int, _ day: Int, sequence: Int) -> String {
        precondition(ResidentIDMaker.reservedSequences.contains(sequence), "bad rows use reserved sequences only")
        var id = [UInt8](repeating: 0, count: 18)
        let birth = DayNumber.from(year: year, month: month, day: day) ?? reference
        ResidentIDMaker.write(countyCode: county.code, birth: birth, sequence: sequence, into: &id)
        return String(decoding: id, as: UTF8.self)
    }

    /// A household ID in an existing village that no generated household has.
    func freshHousehold(_ sequence: Int) -> String {
        CodeText.digits(Int64((keys.village?.code ?? county.code * 1_000_000 + 101_201) * 10_000 + sequence), width: 16)
    }

    private var household: String { CodeText.digits(Int64(keys.household ?? 0), width: 16) }
    private var anyPerson: String { keys.firstRows[.persons].map { String(decoding: $0.prefix(18), as: UTF8.self) } ?? freshID(1980, 1, 1, sequence: 999) }

    private func elder(_ i: Int) -> String {
        i < keys.elders.count ? String(decoding: keys.elders[i], as: UTF8.self) : anyPerson
    }

    private func withoutRow(_ households: [Int], _ i: Int) -> String {
        i < households.count ? CodeText.digits(Int64(households[i]), width: 16) : household
    }

    private func copy(_ feed: Feed, _ note: String) -> [DirtyRow] {
        guard let row = keys.firstRows[feed] else { return [] }
        return [DirtyRow(feed, .duplicateKey, note, copyOf: row)]
    }

    // MARK: Each feed

    private func regions() -> [DirtyRow] {
        let code = String(county.code)
        return [
            DirtyRow(.regions, .duplicateKey, "an exact copy of the row of county \(code)",
                     fields: [String(county.prefectureCode), county.prefectureName, code, county.name, county.isKey ? "1" : "0"]),
            DirtyRow(.regions, .invalidValue, "key_county written as 否 instead of 0 (贵安新区 has no county code of its own)",
                     fields: ["520100", "贵阳市", "520199", "贵安新区", "否"]),
        ]
    }

    private func villages() -> [DirtyRow] {
        let c = String(county.code)
        return [
            DirtyRow(.villages, .unknownCounty, "county 520199 is not in regions.csv",
                     fields: ["520199101201", "新民村", "520199101", "马场镇", "520199"]),
            DirtyRow(.villages, .invalidValue, "township_code \(c)997 is not the first 9 digits of village \(c)998201",
                     fields: ["\(c)998201", "团结村", "\(c)997", "团结乡", c]),
        ] + copy(.villages, "an exact copy of the first village row") + [
            DirtyRow(.villages, .malformedRow, "4 fields instead of 5 (county_code missing)",
                     fields: ["\(c)998202", "红旗村", "\(c)998", "团结乡"]),
            DirtyRow(.villages, .invalidEncoding, "village name in GBK bytes inside a UTF-8 file (0xFF in a GB18030 file)",
                     [.text("\(c)998203,"), .foreign("石桥村"), .text(",\(c)998,团结乡,\(c)")]),
        ]
    }

    private func households() -> [DirtyRow] {
        let unknownVillage = "\(county.code)998998"
        return [
            DirtyRow(.households, .unknownVillage, "village \(unknownVillage) is not in villages.csv",
                     fields: householdRow(unknownVillage + "0001", "poverty_alleviated", income: "15200.00", assistance: "industry")),
            DirtyRow(.households, .invalidValue, "category 'poor' is not in the contract's list",
                     fields: householdRow(freshHousehold(9_991), "poor", income: "6800.50")),
            DirtyRow(.households, .invalidValue, "an ordinary household with a monitoring_type",
                     fields: householdRow(freshHousehold(9_992), "ordinary", type: "marginal", income: "9100.00")),
        ] + copy(.households, "an exact copy of the first household row") + householdRules() + [
            DirtyRow(.households, .malformedRow, "a quoted field that is never closed (the feed's last row)",
                     [.text(householdRow(freshHousehold(9_993), "poverty_alleviated", income: "12000.00").dropLast().joined(separator: ",")
                            + ",\"industry;employment")]),
        ]
    }

    /// A `households.csv` row of an existing village, in contract column order.
    func householdRow(_ id: String, _ category: String, type: String = "", status: String = "", risks: String = "",
                   clue: String = "", outcome: String = "", inclusion: String = "", elimination: String = "",
                   relocated: String = "0", site: String = "", income: String, previous: String = "",
                   assistance: String = "", village: String? = nil) -> [String] {
        [id, village ?? String(id.prefix(12)), category, type, status, risks, clue, outcome, inclusion, elimination,
         relocated, site, income, previous, assistance]
    }

    private func persons() -> [DirtyRow] {
        let badCheck = freshID(1985, 6, 15, sequence: 901)
        let checkValues = Array("10X98765432")
        let wrong = checkValues[((checkValues.firstIndex(of: badCheck.last ?? "1") ?? 0) + 1) % 11]
        let impossible = "\(county.code)19870229903"
        let impossibleID = impossible + String(ResidentID.checkCharacter(first17: impossible))
        return [
            DirtyRow(.persons, .invalidPersonID, "check character \(wrong) instead of \(badCheck.last ?? "?")",
                     fields: [String(badCheck.dropLast()) + String(wrong), household, "other", "full", ""]),
            DirtyRow(.persons, .invalidPersonID, "birth date 1987-02-29 does not exist",
                     fields: [impossibleID, household, "other", "full", ""]),
            DirtyRow(.persons, .invalidValue, "labor_capacity 'strong' is not in the contract's list",
                     fields: [freshID(1990, 3, 8, sequence: 905), household, "other", "strong", ""]),
            DirtyRow(.persons, .invalidValue, "status 'migrated' is not in the contract's list",
                     fields: [freshID(1991, 7, 3, sequence: 921), household, "other", "full", "migrated"]),
            DirtyRow(.persons, .unknownHousehold, "household \(freshHousehold(9_994)) is not in households.csv",
                     fields: [freshID(1992, 11, 2, sequence: 907), freshHousehold(9_994), "head", "full", ""]),
        ] + copy(.persons, "an exact copy of the first person row") + [
            DirtyRow(.persons, .malformedRow, "6 fields instead of 5 (a remark after status)",
                     fields: [freshID(1979, 8, 20, sequence: 909), household, "other", "full", "resident", "外出务工"]),
        ]
    }

    private func education() -> [DirtyRow] {
        let future = DayNumber.civil(reference + 45)
        let toddler = keys.toddler.map { String(decoding: $0, as: UTF8.self) } ?? anyPerson
        return [
            DirtyRow(.education, .invalidPersonID, "birth date \(DayNumber.format(reference + 45)) is after the reference date",
                     fields: [freshID(future.year, future.month, future.day, sequence: 911), "preschool", "enrolled"]),
            DirtyRow(.education, .unknownPerson, "the person is not in persons.csv",
                     fields: [freshID(2015, 3, 10, sequence: 913), "primary", "enrolled"]),
            DirtyRow(.education, .invalidValue, "stage 'nursery' is not in the contract's list",
                     fields: [toddler, "nursery", "enrolled"]),
        ] + copy(.education, "an exact copy of the first education row")
    }

    private func insurance() -> [DirtyRow] {
        let year = String(DayNumber.civil(reference).year)
        var letterO = Array(freshID(1968, 4, 1, sequence: 917))
        letterO[8] = "O"
        return [
            DirtyRow(.medicalInsurance, .unknownPerson, "the person is not in persons.csv",
                     fields: [freshID(1975, 9, 9, sequence: 915), year, "1"]),
            DirtyRow(.medicalInsurance, .invalidValue, "year '\(year.suffix(2))' is not 4 digits",
                     fields: [anyPerson, String(year.suffix(2)), "1"]),
        ] + copy(.medicalInsurance, "an exact copy of the first insurance row") + [
            DirtyRow(.medicalInsurance, .invalidPersonID, "letter O instead of the digit 0 in the person_id",
                     fields: [String(letterO), year, "1"]),
        ]
    }

    private func housing() -> [DirtyRow] {
        [
            DirtyRow(.housing, .unknownHousehold, "household \(freshHousehold(9_995)) is not in households.csv",
                     fields: [freshHousehold(9_995), "B", "0"]),
            DirtyRow(.housing, .invalidValue, "grade 'E' is not one of A, B, C, D",
                     fields: [withoutRow(keys.householdsWithoutHousing, 0), "E", "0"]),
        ] + copy(.housing, "an exact copy of the first housing row")
    }

    private func water() -> [DirtyRow] {
        [
            DirtyRow(.water, .unknownHousehold, "household \(freshHousehold(9_996)) is not in households.csv",
                     fields: [freshHousehold(9_996), "1", "1"]),
            DirtyRow(.water, .invalidValue, "tap_water 'yes' instead of 1",
                     fields: [withoutRow(keys.householdsWithoutWater, 0), "yes", "1"]),
            DirtyRow(.water, .malformedRow, "4 fields instead of 3 (an inspection date after safe)",
                     fields: [withoutRow(keys.householdsWithoutWater, 1), "1", "1", "2026-10-01"]),
        ]
    }

    private func employment() -> [DirtyRow] {
        [
            DirtyRow(.employment, .unknownPerson, "the person is not in persons.csv",
                     fields: [freshID(1988, 12, 12, sequence: 919), "employed", "county", "0", "12", "3200.00", "1"]),
            DirtyRow(.employment, .invalidValue, "months 13 is more than 12",
                     fields: [elder(0), "employed", "county", "0", "13", "2100.00", "0"]),
            DirtyRow(.employment, .invalidValue, "an unemployed person with a location",
                     fields: [elder(1), "unemployed", "outside_province", "0", "0", "0.00", "0"]),
            DirtyRow(.employment, .invalidValue, "location 'in_county' is a word of contract version 1",
                     fields: [elder(1), "employed", "in_county", "0", "8", "2800.00", "0"]),
        ] + copy(.employment, "an exact copy of the first employment row") + [
            DirtyRow(.employment, .invalidEncoding, "location in GBK bytes inside a UTF-8 file (0xFF in a GB18030 file)",
                     [.text("\(elder(2)),employed,"), .foreign("县内"), .text(",0,10,2600.00,0")]),
            DirtyRow(.employment, .malformedRow, "a quoted field that is never closed (the feed's last row)",
                     [.text("\(elder(3)),employed,\"county,0,12,3000.00,1")]),
        ]
    }

    private func socialAssistance() -> [DirtyRow] {
        let after = DayNumber.format(reference + 10)
        let before = DayNumber.format(reference - 400)
        return [
            DirtyRow(.socialAssistance, .unknownPerson, "the person is not in persons.csv",
                     fields: [freshID(1950, 5, 5, sequence: 923), "dibao", before, ""]),
            DirtyRow(.socialAssistance, .invalidValue, "kind 'wubao' (五保, merged into 特困 in 2014) is not in the contract's list",
                     fields: [anyPerson, "wubao", before, ""]),
            DirtyRow(.socialAssistance, .invalidValue, "start_date \(after) is after the reference date",
                     fields: [anyPerson, "temporary", after, ""]),
            DirtyRow(.socialAssistance, .invalidValue, "end_date before start_date",
                     fields: [anyPerson, "temporary", DayNumber.format(reference - 30), DayNumber.format(reference - 60)]),
        ] + copy(.socialAssistance, "an exact copy of the first social-assistance row")
    }
}
