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
    /// A household row of the default village with the given middle part
    /// (category … income) and assistance.
    static func household(_ middle: String, assistance: String = "") -> String {
        "5201020010010002,\(v),\(middle),\(assistance)"
    }

    static let cases: [Case] = [
        Case(feed: .regions, row: "520100,贵阳市,520103,云岩区,2", column: "key_county", value: "2"),
        Case(feed: .villages, row: "520103001001,村,520103001,镇,520102", column: "village_code", value: "520103001001"),
        Case(feed: .villages, row: "520102001002,村,520102002,镇,520102", column: "township_code", value: "520102002"),
        Case(feed: .households, row: household("poor,,,,,,0,100"), column: "category", value: "poor"),
        Case(feed: .households, row: household("ordinary,marginal,,,,,0,100"), column: "monitoring_type", value: "marginal"),
        Case(feed: .households, row: household("poverty_alleviated,,eliminated,,,,0,100"), column: "risk_status", value: "eliminated"),
        Case(feed: .households, row: household("monitored,unsteady,,,,,0,100"), column: "monitoring_type", value: "unsteady"),
        Case(feed: .households, row: household("monitored,marginal,,2024-02-30,,,0,100"), column: "clue_date", value: "2024-02-30"),
        Case(feed: .households, row: household("monitored,marginal,,,2024/03/01,,0,100"), column: "inclusion_date", value: "2024/03/01"),
        Case(feed: .households, row: household("ordinary,,,,,,yes,100"), column: "relocated", value: "yes"),
        Case(feed: .households, row: household("ordinary,,,,,,0,-1.50"), column: "income_per_capita", value: "-1.50"),
        Case(feed: .households, row: household("ordinary,,,,,,0,1.2.3"), column: "income_per_capita", value: "1.2.3"),
        Case(feed: .households, row: household("ordinary,,,,,,0,100", assistance: "industry;farming"),
             column: "assistance", value: "industry;farming"),
        Case(feed: .households, row: "520102001001002,\(v),ordinary,,,,,,0,100,", column: "household_id", value: "520102001001002"),
        Case(feed: .persons, row: "\(personID(2)),\(h),boss,full", column: "relation", value: "boss"),
        Case(feed: .persons, row: "\(personID(2)),\(h),child,strong", column: "labor_capacity", value: "strong"),
        Case(feed: .persons, row: "\(personID(2)),52010200100100001,child,full", column: "household_id", value: "52010200100100001"),
        Case(feed: .education, row: "\(p),college,enrolled", column: "stage", value: "college"),
        Case(feed: .education, row: "\(p),primary,graduated", column: "status", value: "graduated"),
        Case(feed: .medicalInsurance, row: "\(p),26,1", column: "year", value: "26"),
        Case(feed: .medicalInsurance, row: "\(p),2025,Y", column: "insured", value: "Y"),
        Case(feed: .housing, row: "\(h),E,0", column: "grade", value: "E"),
        Case(feed: .housing, row: "\(h),a,0", column: "grade", value: "a"),
        Case(feed: .water, row: "\(h),,1", column: "tap_water", value: ""),
        Case(feed: .employment, row: "\(p),employed,in_county,0,13,3000,0", column: "months", value: "13"),
        Case(feed: .employment, row: "\(p),employed,in_county,0,-1,3000,0", column: "months", value: "-1"),
        Case(feed: .employment, row: "\(p),employed,in_county,0,6,-3000,0", column: "monthly_income", value: "-3000"),
        Case(feed: .employment, row: "\(p),employed,in_county,0,6,3000,-1", column: "trainings", value: "-1"),
        Case(feed: .employment, row: "\(p),employed,in_county,0,6,3000,1.5", column: "trainings", value: "1.5"),
        Case(feed: .employment, row: "\(p),unemployed,in_county,0,0,0,0", column: "location", value: "in_county"),
        Case(feed: .employment, row: "\(p),employed,abroad,0,6,3000,0", column: "location", value: "abroad"),
        Case(feed: .employment, row: "\(p),retired,,0,0,0,0", column: "status", value: "retired"),
        Case(feed: .employment, row: "\(p),employed,in_county,true,6,3000,0", column: "welfare_job", value: "true"),
    ]

    @Test(arguments: cases)
    func rowIsQuarantinedAsInvalidValue(_ testCase: Case) throws {
        var writer = FeedFolderWriter()
        writer.append(testCase.feed, testCase.row)
        let result = try ingest(writer)
        #expect(result.findings == [Finding(testCase.feed, 3, .invalidValue, testCase.column, testCase.value)])
        #expect(result.quarantine.first?.message.hasPrefix("expected ") == true)
        #expect(result.accounting(testCase.feed).accepted == 1)
    }

    @Test func messagesSayWhatWasExpected() throws {
        var writer = FeedFolderWriter()
        writer.append(.employment, "\(Self.p),unemployed,in_county,0,0,0,0")
        writer.append(.households, Self.household("ordinary,marginal,,,,,0,100"))
        writer.append(.persons, "\(personID(2)),\(Self.h),boss,full")
        writer.append(.villages, "520103001001,村,520103001,镇,520102")
        let messages = try ingest(writer).quarantine.map(\.message)
        #expect(messages == [
            "expected a village code whose first 6 digits are its county_code",
            "expected empty: only monitored households have a monitoring_type",
            "expected one of head, spouse, child, parent, other",
            "expected empty: only employed persons have a location",
        ])
    }

    @Test func valuesAtTheEdgesOfTheRulesAreAccepted() throws {
        var writer = FeedFolderWriter()
        writer.append(.households,
                      "5201020010010002,\(Self.v),monitored,sudden_hardship,eliminated,2020-02-29,2020-03-01,2021-01-31,1,0,",
                      "5201020010010003,\(Self.v),poverty_alleviated,,,,,,0,0.00,"
                          + "\"industry;employment;welfare_job;bottom_line;education;medical;housing;water;credit\"",
                      "5201020010010004,\(Self.v),ordinary,,,,,,0,99999.99,\" credit ; water \"")
        writer.append(.employment, "\(personID(2)),unemployed,,1,0,0,0", "\(personID(3)),employed,out_of_province,0,12,0.5,999999999")
        writer.append(.persons, "\(personID(2)),\(Self.h),child,none", "\(personID(3)),\(Self.h),spouse,weak")
        let result = try ingest(writer)
        #expect(result.quarantine.isEmpty, "\(result.findings)")
        let households = result.table(.households)
        #expect(households.uint8("monitoring_type") == [2, 3, 0, 0])
        #expect(households.uint8("risk_status") == [2, 1, 0, 0])
        #expect(households.int32("elimination_date").map { $0 == DayNumber.missing ? "" : DayNumber.format($0) }
            == ["", "2021-01-31", "", ""])
        #expect(households.int32("assistance") == [0b11, 0, 0b1_1111_1111, 0b1_1000_0000])
        #expect(result.table(.employment).int32("months") == [12, 0, 12])
        #expect(result.table(.employment).uint8("location") == [1, 0, 3])
    }
}
