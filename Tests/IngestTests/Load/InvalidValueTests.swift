import Ingest
import Testing
import TestSupport

/// Values outside the contract, one case per rule: each row is added on line 3
/// after the feed's valid default row.
@Suite struct InvalidValueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let feed: Feed
        let row: String
        let column: String
        let value: String
        var testDescription: String { "\(feed.fileName) \(column)='\(value)'" }
    }

    static let p = FeedFolderWriter.person
    static let h = FeedFolderWriter.household
    static let v = FeedFolderWriter.village
    /// A household row (ID 5201020010010002 of the default village) with the
    /// given columns; the others are those of an ordinary household.
    static func household(_ category: String = "ordinary", type: String = "", status: String = "", risks: String = "",
                          clue: String = "", outcome: String = "", inclusion: String = "", elimination: String = "",
                          relocated: String = "0", site: String = "", income: String = "100", previous: String = "",
                          assistance: String = "", id: String = "5201020010010002") -> String {
        [id, v, category, type, status, risks, clue, outcome, inclusion, elimination, relocated, site, income, previous,
         assistance].joined(separator: ",")
    }

    /// A monitored household not eliminated, valid in every column.
    static func monitored(type: String = "marginal", status: String = "not_eliminated", risks: String = "illness",
                          clue: String = "2026-03-01", outcome: String = "included", inclusion: String = "2026-03-10",
                          elimination: String = "") -> String {
        household("monitored", type: type, status: status, risks: risks, clue: clue, outcome: outcome,
                  inclusion: inclusion, elimination: elimination)
    }

    static let cases: [Case] = [
        Case(feed: .regions, row: "520100,贵阳市,520103,云岩区,2", column: "key_county", value: "2"),
        Case(feed: .villages, row: "520103001001,村,520103001,镇,520102", column: "village_code", value: "520103001001"),
        Case(feed: .villages, row: "520102001002,村,520102002,镇,520102", column: "township_code", value: "520102002"),
        Case(feed: .households, row: household("poor"), column: "category", value: "poor"),
        Case(feed: .households, row: household(type: "marginal"), column: "monitoring_type", value: "marginal"),
        Case(feed: .households, row: household("poverty_alleviated", status: "eliminated"), column: "risk_status", value: "eliminated"),
        Case(feed: .households, row: monitored(type: "unsteady"), column: "monitoring_type", value: "unsteady"),
        Case(feed: .households, row: monitored(clue: "2024-02-30"), column: "clue_date", value: "2024-02-30"),
        Case(feed: .households, row: monitored(inclusion: "2024/03/01"), column: "inclusion_date", value: "2024/03/01"),
        Case(feed: .households, row: household(relocated: "yes"), column: "relocated", value: "yes"),
        Case(feed: .households, row: household(income: "-1.50"), column: "income_per_capita", value: "-1.50"),
        Case(feed: .households, row: household(income: "1.2.3"), column: "income_per_capita", value: "1.2.3"),
        Case(feed: .households, row: household(previous: "n/a"), column: "income_prev_year", value: "n/a"),
        Case(feed: .households, row: household(assistance: "industry;farming"), column: "assistance", value: "industry;farming"),
        Case(feed: .households, row: household(id: "520102001001002"), column: "household_id", value: "520102001001002"),
        // Contract version 2: the household ID's first 12 digits are its village.
        Case(feed: .households, row: household(id: "5201020010020002"), column: "household_id", value: "5201020010020002"),
        // Monitoring columns only and always on monitored households.
        Case(feed: .households, row: monitored(type: ""), column: "monitoring_type", value: ""),
        Case(feed: .households, row: monitored(status: ""), column: "risk_status", value: ""),
        Case(feed: .households, row: monitored(risks: ""), column: "risk_types", value: ""),
        Case(feed: .households, row: household(risks: "illness"), column: "risk_types", value: "illness"),
        Case(feed: .households, row: monitored(risks: "illness;poverty"), column: "risk_types", value: "illness;poverty"),
        Case(feed: .households, row: monitored(clue: "", outcome: "", inclusion: ""), column: "inclusion_date", value: ""),
        Case(feed: .households, row: household(inclusion: "2026-03-10"), column: "inclusion_date", value: "2026-03-10"),
        // Clues: an outcome exactly with a date; included only on a monitored household with its inclusion.
        Case(feed: .households, row: household(outcome: "rejected"), column: "clue_outcome", value: "rejected"),
        Case(feed: .households, row: household(clue: "2026-11-01"), column: "clue_outcome", value: ""),
        Case(feed: .households, row: household(clue: "2026-11-01", outcome: "maybe"), column: "clue_outcome", value: "maybe"),
        Case(feed: .households, row: household(clue: "2026-11-01", outcome: "included"), column: "clue_outcome", value: "included"),
        Case(feed: .households, row: household(clue: "2026-11-29", outcome: "pending"), column: "clue_date", value: "2026-11-29"),
        // Elimination: a date exactly for eliminated households, not before inclusion.
        Case(feed: .households, row: monitored(status: "eliminated"), column: "elimination_date", value: ""),
        Case(feed: .households, row: monitored(elimination: "2026-06-01"), column: "elimination_date", value: "2026-06-01"),
        Case(feed: .households, row: monitored(status: "eliminated", elimination: "2026-03-09"),
             column: "elimination_date", value: "2026-03-09"),
        // Sites: only on relocated households, in the household's county.
        Case(feed: .households, row: household(site: "520102001"), column: "site_code", value: "520102001"),
        Case(feed: .households, row: household(relocated: "1", site: "520103001"), column: "site_code", value: "520103001"),
        Case(feed: .households, row: household(relocated: "1", site: "52010201"), column: "site_code", value: "52010201"),
        Case(feed: .persons, row: "\(personID(2)),\(h),boss,full,", column: "relation", value: "boss"),
        Case(feed: .persons, row: "\(personID(2)),\(h),child,strong,", column: "labor_capacity", value: "strong"),
        Case(feed: .persons, row: "\(personID(2)),52010200100100001,child,full,", column: "household_id", value: "52010200100100001"),
        Case(feed: .persons, row: "\(personID(2)),\(h),child,full,dead", column: "status", value: "dead"),
        Case(feed: .education, row: "\(p),college,enrolled", column: "stage", value: "college"),
        Case(feed: .education, row: "\(p),primary,graduated", column: "status", value: "graduated"),
        Case(feed: .medicalInsurance, row: "\(p),26,1", column: "year", value: "26"),
        Case(feed: .medicalInsurance, row: "\(p),2025,Y", column: "insured", value: "Y"),
        Case(feed: .housing, row: "\(h),E,0", column: "grade", value: "E"),
        Case(feed: .housing, row: "\(h),a,0", column: "grade", value: "a"),
        Case(feed: .water, row: "\(h),,1", column: "tap_water", value: ""),
        Case(feed: .employment, row: "\(p),employed,county,0,13,3000,0", column: "months", value: "13"),
        Case(feed: .employment, row: "\(p),employed,county,0,-1,3000,0", column: "months", value: "-1"),
        Case(feed: .employment, row: "\(p),employed,county,0,6,-3000,0", column: "monthly_income", value: "-3000"),
        Case(feed: .employment, row: "\(p),employed,county,0,6,3000,-1", column: "trainings", value: "-1"),
        Case(feed: .employment, row: "\(p),employed,county,0,6,3000,1.5", column: "trainings", value: "1.5"),
        Case(feed: .employment, row: "\(p),unemployed,township,0,0,0,0", column: "location", value: "township"),
        Case(feed: .employment, row: "\(p),employed,abroad,0,6,3000,0", column: "location", value: "abroad"),
        Case(feed: .employment, row: "\(p),employed,in_county,0,6,3000,0", column: "location", value: "in_county"),
        Case(feed: .employment, row: "\(p),retired,,0,0,0,0", column: "status", value: "retired"),
        Case(feed: .employment, row: "\(p),employed,county,true,6,3000,0", column: "welfare_job", value: "true"),
        Case(feed: .socialAssistance, row: "\(p),wubao,2025-01-01,", column: "kind", value: "wubao"),
        Case(feed: .socialAssistance, row: "\(p),dibao,2026-11-29,", column: "start_date", value: "2026-11-29"),
        Case(feed: .socialAssistance, row: "\(p),dibao,,", column: "start_date", value: ""),
        Case(feed: .socialAssistance, row: "\(p),dibao,2025-05-01,2025-04-30", column: "end_date", value: "2025-04-30"),
        Case(feed: .socialAssistance, row: "\(p),dibao,2025-05-01,2025-13-01", column: "end_date", value: "2025-13-01"),
    ]

    @Test(arguments: cases)
    func rowIsQuarantinedAsInvalidValue(_ testCase: Case) throws {
        var writer = FeedFolderWriter()
        writer.append(testCase.feed, testCase.row)
        let result = try ingest(writer)
        #expect(result.findings == [Finding(testCase.feed, 3, .invalidValue, testCase.column, testCase.value)])
        #expect(Array(result.quarantine).first?.message.hasPrefix("expected ") == true)
        #expect(result.accounting(testCase.feed).accepted == 1)
    }

    @Test func messagesSayWhatWasExpected() throws {
        var writer = FeedFolderWriter()
        writer.append(.employment, "\(Self.p),unemployed,county,0,0,0,0")
        writer.append(.households, Self.household(type: "marginal"), Self.household(relocated: "1", site: "520103001", id: "5201020010010003"),
                      Self.household(clue: "2026-11-29", outcome: "pending", id: "5201020010010004"))
        writer.append(.persons, "\(personID(2)),\(Self.h),boss,full,")
        writer.append(.villages, "520103001001,村,520103001,镇,520102")
        writer.append(.socialAssistance, "\(Self.p),dibao,2025-05-01,2025-04-30")
        let messages = try ingest(writer).quarantine.map(\.message)
        #expect(messages == [
            "expected a village code whose first 6 digits are its county_code",
            "expected empty: only monitored households have a monitoring_type",
            "expected a site code whose first 6 digits are the household's county (the first 6 digits of its village_code)",
            "expected a date not after the reference date 2026-11-28; this one is 2026-11-29",
            "expected one of head, spouse, child, parent, other",
            "expected empty: only employed persons have a location",
            "expected an end_date not before the start_date, or empty while the support goes on",
        ])
    }

    @Test func valuesAtTheEdgesOfTheRulesAreAccepted() throws {
        var writer = FeedFolderWriter()
        writer.append(.households,
                      Self.monitored(type: "sudden_hardship", status: "eliminated",
                                     risks: "illness;disability;education;disaster;accident;industry;employment;labour_shortage;other",
                                     clue: "2020-02-29", inclusion: "2020-03-01", elimination: "2020-03-01"),
                      Self.household("poverty_alleviated", relocated: "1", site: "520102999", income: "0.00", previous: "0",
                                     assistance: "\"industry;employment;welfare_job;bottom_line;education;medical;housing;water;credit\"",
                                     id: "5201020010010003"),
                      Self.household(clue: "2026-11-28", outcome: "rejected", relocated: "1", income: "99999.99",
                                     assistance: "\" credit ; water \"", id: "5201020010010004"),
                      Self.household("monitored", type: "unstable", status: "not_eliminated", risks: "other",
                                     inclusion: "2026-11-28", id: "5201020010010005"))
        writer.append(.employment, "\(personID(2)),unemployed,,1,0,0,0", "\(personID(3)),employed,outside_province,0,12,0.5,999999999",
                      "\(personID(4)),employed,,0,3,1000,0")
        writer.append(.persons, "\(personID(2)),\(Self.h),child,none,deceased", "\(personID(3)),\(Self.h),spouse,weak,resident",
                      "\(personID(4)),\(Self.h),other,full,prison", "\(personID(5)),\(Self.h),other,full,military")
        writer.append(.education, "\(personID(2)),primary,exempt")
        writer.append(.socialAssistance, "\(Self.p),dibao,2026-11-28,", "\(Self.p),tekun,2020-01-01,2030-12-31",
                      "\(personID(2)),temporary,2026-11-01,2026-11-01")
        let result = try ingest(writer)
        #expect(result.quarantine.isEmpty, "\(result.findings)")
        let households = result.table(.households)
        #expect(households[Households.monitoringType] == [2, 3, 0, 0, 1])
        #expect(households[Households.riskStatus] == [2, 1, 0, 0, 2])
        #expect(households[Households.riskTypes] == [1, 0b1_1111_1111, 0, 0, 0b1_0000_0000])
        #expect(households[Households.clueOutcome] == [2, 2, 0, 3, 0])
        #expect(households[Households.eliminationDate].map { $0 == DayNumber.missing ? "" : DayNumber.format($0) }
            == ["", "2020-03-01", "", "", ""])
        #expect(households[Households.siteCode] == [-1, -1, 520_102_999, -1, -1])
        #expect(households[Households.incomePrevYear] == [720_000, -1, 0, -1, -1])
        #expect(households[Households.assistance] == [0b11, 0, 0b1_1111_1111, 0b1_1000_0000, 0])
        #expect(result.table(.persons)[Persons.status] == [0, 2, 1, 4, 3])
        #expect(result.table(.education)[Education.status] == [1, 6])
        #expect(result.table(.employment)[Employment.months] == [12, 0, 12, 3])
        #expect(result.table(.employment)[Employment.location] == [2, 0, 4, 0])
        let assistance = result.table(.socialAssistance)
        #expect(assistance[SocialAssistance.kind] == [3, 1, 2, 3])
        #expect(assistance[SocialAssistance.endDate].map { $0 == DayNumber.missing ? "" : DayNumber.format($0) }
            == ["2026-03-10", "", "2030-12-31", "2026-11-01"])
    }
}
