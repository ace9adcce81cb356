import Foundation
import Ingest
import TestSupport

/// Real feed files for the fixture province, and what they hold, so tests can
/// derive the coverage and accounting the report should show.
struct FeedFixture {
    struct Household {
        let id: String
        let county: String
    }

    struct Person {
        let id: String
        let household: String
        let county: String
    }

    /// Households per county, persons per household (the first is the head).
    static let roster: [(county: String, sizes: [Int])] = [
        ("520102", [2, 1]), ("520103", [1]), ("522601", [2]), ("522602", [1, 1, 1]), ("522603", [3]),
    ]

    let households: [Household]
    let persons: [Person]
    /// Person IDs with an education row.
    let education: [String]
    /// (person ID, year) with a medical-insurance row.
    let insurance: [(String, Int)]
    let employment: [String]
    let socialAssistance: [String]
    /// Household IDs with a housing or water row.
    let housing: [String]
    let water: [String]
    /// Education lines with an invalid person ID (quarantined).
    let invalidEducationRows = 1

    init() {
        var households: [Household] = []
        var persons: [Person] = []
        var sequence = 1
        for (county, sizes) in Self.roster {
            for (index, size) in sizes.enumerated() {
                let household = Household(id: county + "001001" + String(format: "%04d", index + 1), county: county)
                households.append(household)
                for _ in 0..<size {
                    let id = ResidentIDMaker.make(address: county, birth: "19850615", sequence: sequence)
                    persons.append(Person(id: id, household: household.id, county: county))
                    sequence += 1
                }
            }
        }
        self.households = households
        self.persons = persons
        education = [persons[0].id, persons[5].id]
        insurance = [(persons[0].id, 2026), (persons[1].id, 2026), (persons[1].id, 2025), (persons[3].id, 2025)]
        employment = [persons[2].id]
        socialAssistance = [persons[4].id]
        housing = [households[0].id]
        water = households.map(\.id).filter { !$0.hasPrefix("522602") }
    }

    /// Writes the ten feeds into `folder`.
    func write(to folder: TemporaryFolder) throws {
        var regions = "prefecture_code,prefecture_name,county_code,county_name,key_county\n"
        var villages = "village_code,village_name,township_code,township_name,county_code\n"
        for county in ProvinceFixture.counties {
            let prefecture = ProvinceFixture.prefectures.first { $0.code == county.prefecture }?.name ?? ""
            let key = ProvinceFixture.keyCounties.contains(county.code) ? 1 : 0
            regions += "\(county.prefecture),\(prefecture),\(county.code),\(Self.quote(county.name)),\(key)\n"
            villages += "\(county.code)001001,\(Self.quote(ProvinceFixture.villageName(county))),\(county.code)001,一镇,\(county.code)\n"
        }
        var householdText = "household_id,village_code,category,monitoring_type,risk_status,risk_types,clue_date,clue_outcome,"
            + "inclusion_date,elimination_date,relocated,site_code,income_per_capita,income_prev_year,assistance\n"
        for household in households {
            householdText += "\(household.id),\(household.county)001001,ordinary,,,,,,,,0,,9000.50,,\n"
        }
        var personText = "person_id,household_id,relation,labor_capacity,status\n"
        var headSeen = Set<String>()
        for person in persons {
            let relation = headSeen.insert(person.household).inserted ? "head" : "child"
            personText += "\(person.id),\(person.household),\(relation),full,\n"
        }
        var educationText = "person_id,stage,status\n" + education.map { "\($0),primary,enrolled\n" }.joined()
        educationText += "52010219851315001X,primary,enrolled\n"
        try folder.write("regions.csv", regions)
        try folder.write("villages.csv", villages)
        try folder.write("households.csv", householdText)
        try folder.write("persons.csv", personText)
        try folder.write("education.csv", educationText)
        try folder.write("medical_insurance.csv",
                         "person_id,year,insured\n" + insurance.map { "\($0.0),\($0.1),1\n" }.joined())
        try folder.write("housing.csv", "household_id,grade,renovated\n" + housing.map { "\($0),C,0\n" }.joined())
        try folder.write("water.csv", "household_id,tap_water,safe\n" + water.map { "\($0),1,1\n" }.joined())
        try folder.write("employment.csv", "person_id,status,location,welfare_job,months,monthly_income,trainings\n"
                         + employment.map { "\($0),employed,county,0,12,3000,1\n" }.joined())
        try folder.write("social_assistance.csv", "person_id,kind,start_date,end_date\n"
                         + socialAssistance.map { "\($0),dibao,2025-01-01,\n" }.joined())
    }

    /// Writes the feeds to a temporary folder and ingests them.
    static func ingest() throws -> (FeedFixture, IngestResult) {
        let fixture = FeedFixture()
        let folder = try TemporaryFolder(prefix: "reports-feeds")
        defer { folder.remove() }
        try fixture.write(to: folder)
        let referenceDate = DayNumber.parse(ProvinceFixture.runDate) ?? 0
        return (fixture, try Ingestor.load(folder: folder.path, options: IngestOptions(referenceDate: referenceDate, threads: 1)))
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
