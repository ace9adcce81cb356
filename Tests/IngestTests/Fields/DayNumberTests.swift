import Ingest
import Testing

/// Dates as day numbers, and ages.
@Suite struct DayNumberTests {
    static func day(_ text: String) -> Int32 { DayNumber.parse(text)! }

    @Test func epochAndKnownDays() {
        #expect(DayNumber.from(year: 1970, month: 1, day: 1) == 0)
        #expect(DayNumber.from(year: 1969, month: 12, day: 31) == -1)
        #expect(DayNumber.from(year: 2000, month: 3, day: 1) == 11_017)
        #expect(DayNumber.format(0) == "1970-01-01")
        #expect(DayNumber.format(-719_162) == "0001-01-01")
    }

    @Test func everyDayFrom1900To2100RoundTrips() {
        var expected = DayNumber.from(year: 1900, month: 1, day: 1)!
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...DayNumber.daysIn(month: month, year: year) {
                    let number = DayNumber.from(year: year, month: month, day: day)
                    #expect(number == expected)
                    let civil = DayNumber.civil(expected)
                    if civil != (year, month, day) { Issue.record("civil(\(expected)) = \(civil)") }
                    if DayNumber.parse(DayNumber.format(expected)) != expected { Issue.record("format/parse \(expected)") }
                    expected += 1
                }
            }
        }
    }

    @Test func theDayAfterEachMonthsLastIsRefused() {
        for year in 1890...2110 {
            for month in 1...12 {
                #expect(DayNumber.from(year: year, month: month, day: 0) == nil)
                #expect(DayNumber.from(year: year, month: month, day: DayNumber.daysIn(month: month, year: year) + 1) == nil)
            }
            #expect(DayNumber.from(year: year, month: 0, day: 1) == nil)
            #expect(DayNumber.from(year: year, month: 13, day: 1) == nil)
        }
        #expect(DayNumber.from(year: 1900, month: 2, day: 29) == nil)
        #expect(DayNumber.from(year: 2100, month: 2, day: 29) == nil)
        #expect(DayNumber.from(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func leapYears() {
        #expect(DayNumber.isLeap(2000) && DayNumber.isLeap(1996) && DayNumber.isLeap(2024))
        #expect(!DayNumber.isLeap(1900) && !DayNumber.isLeap(2100) && !DayNumber.isLeap(2023))
    }

    @Test(arguments: ["2023-02-29", "2023-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "2024/01/01",
                      "24-01-01", "2024-01-01 ", "0000-01-01", "２０２４-01-01", ""])
    func impossibleOrMalformedDates(text: String) {
        #expect(DayNumber.parse(text) == nil)
    }

    @Test func ageOfSomeoneBornOn29February() {
        let birth = Self.day("2000-02-29")
        #expect(DayNumber.age(birth: birth, at: Self.day("2001-02-28")) == 0)
        #expect(DayNumber.age(birth: birth, at: Self.day("2001-03-01")) == 1) // non-leap year: 1 March
        #expect(DayNumber.age(birth: birth, at: Self.day("2004-02-28")) == 3)
        #expect(DayNumber.age(birth: birth, at: Self.day("2004-02-29")) == 4) // leap year: 29 February
        #expect(DayNumber.age(birth: birth, at: Self.day("2018-02-28")) == 17)
        #expect(DayNumber.age(birth: birth, at: Self.day("2018-03-01")) == 18)
        #expect(DayNumber.age(birth: birth, at: birth) == 0)
    }

    @Test func ageTurnsOnTheBirthday() {
        let birth = Self.day("1966-11-28")
        #expect(DayNumber.age(birth: birth, at: Self.day("2026-11-27")) == 59)
        #expect(DayNumber.age(birth: birth, at: Self.day("2026-11-28")) == 60)
        #expect(DayNumber.age(birth: Self.day("1999-12-31"), at: Self.day("2000-01-01")) == 0)
    }
}
