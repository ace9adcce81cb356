@testable import Ingest
import Testing
import TestSupport

/// Decimals stored in hundredths (fen) and codes stored as integers of a fixed width.
@Suite struct MoneyAndCodeTests {
    static func hundredths(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { FieldParsers.hundredths($0, 0, $0.count) }
    }

    /// Decimals use `.`; digits past the second decimal are cut, not rounded.
    /// A missing whole part (`.5`) or fraction (`5.`) is accepted: both read one way only.
    @Test(arguments: [("1234.5", 123_450), ("7499.999", 749_999), ("7499.995", 749_999), (".5", 50), ("5.", 500),
                      ("0", 0), ("0.01", 1), ("12", 1200), ("007.10", 710), ("999999999999999", 99_999_999_999_999_900)]
          as [(String, Int64)])
    func acceptedDecimals(text: String, expected: Int64) {
        #expect(Self.hundredths(text) == expected)
    }

    @Test(arguments: ["", ".", "-5", "+5", "1e3", "1.2.3", "1,5", " 5", "5 ", "１２", "1234567890123456", "12.3a", "NaN"])
    func refusedDecimals(text: String) {
        #expect(Self.hundredths(text) == nil)
    }

    @Test func moneyInFeedsIsStoredInFen() throws {
        var writer = FeedFolderWriter()
        let household = { (sequence: Int, income: String) -> String in
            "52010200100100\(sequence),\(FeedFolderWriter.village),ordinary,,,,,,,,0,,\(income),,"
        }
        writer.append(.households, household(10, "1234.5"), household(11, "7499.999"), household(12, ".5"),
                      household(13, "5."), household(14, "-5"), household(15, "1,5"), household(16, "\"1,5\""),
                      household(17, "1e3"), household(18, ""))
        let result = try ingest(writer)
        #expect(result.table(.households)[Households.incomePerCapita] == [650_050, 123_450, 749_999, 50, 500])
        #expect(result.findings == [
            Finding(.households, 7, .invalidValue, "income_per_capita", "-5"),
            Finding(.households, 8, .malformedRow, "", household(15, "1,5")),
            Finding(.households, 9, .invalidValue, "income_per_capita", "1,5"),
            Finding(.households, 10, .invalidValue, "income_per_capita", "1e3"),
            Finding(.households, 11, .invalidValue, "income_per_capita", ""),
        ])
        #expect(Array(result.quarantine)[0].message == "expected a decimal number ≥ 0 with '.'")
    }

    @Test func codesKeepLeadingZerosThroughTheirWidth() throws {
        // A province whose code starts with 0 (Beijing's 11 would not show it): its own registers only.
        var writer = FeedFolderWriter()
        writer[.regions] = ["010100,北京市,010102,西城区,1"]
        writer[.villages] = ["010102001001,德胜村,010102001,德胜街道,010102"]
        writer[.households] = ["0101020010010001,010102001001,ordinary,,,,,,,,1,,0,,"]
        var options = testOptions()
        options.feedsThatMayBeEmpty = Set(Feed.allCases)
        for feed in Feed.allCases where ![.regions, .villages, .households].contains(feed) { writer[feed] = [] }
        let result = try ingest(writer, options: options)
        #expect(result.quarantine.isEmpty)
        let regions = result.table(.regions), villages = result.table(.villages), households = result.table(.households)
        #expect(regions[Regions.countyCode].map { CodeText.digits($0, width: 6) } == ["010102"])
        #expect(regions[Regions.prefectureCode].map { CodeText.digits($0, width: 6) } == ["010100"])
        #expect(villages[Villages.villageCode].map { CodeText.digits($0, width: 12) } == ["010102001001"])
        #expect(villages[Villages.townshipCode].map { CodeText.digits($0, width: 9) } == ["010102001"])
        #expect(households[Households.householdID].map { CodeText.digits($0, width: 16) } == ["0101020010010001"])
        // References hold the row index of the referenced feed.
        #expect(villages[Villages.countyCode] == [0])
        #expect(households[Households.villageCode] == [0])
    }

    @Test func codesOfTheWrongFormAreInvalidValues() throws {
        var writer = FeedFolderWriter()
        writer.append(.regions, "520100,贵阳市,52010,短,0", "520100,贵阳市,5201030,长,0", "520100,贵阳市,52010a,字母,0",
                      "52010,贵阳市,520103,云岩区,0")
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.regions, 3, .invalidValue, "county_code", "52010"),
            Finding(.regions, 4, .invalidValue, "county_code", "5201030"),
            Finding(.regions, 5, .invalidValue, "county_code", "52010a"),
            Finding(.regions, 6, .invalidValue, "prefecture_code", "52010"),
        ])
        #expect(Array(result.quarantine).first?.message == "expected 6 digits")
    }

    @Test func codeTextPadsToTheWidth() {
        #expect(CodeText.digits(7, width: 3) == "007")
        #expect(CodeText.digits(520_102, width: 6) == "520102")
        #expect(CodeText.digits(0, width: 4) == "0000")
    }
}
