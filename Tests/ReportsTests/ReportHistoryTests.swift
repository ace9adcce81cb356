import Engine
@testable import Reports
import Testing

@Suite struct ReportHistoryTests {
    @Test func findsTargetCrossingsAndLargestMoves() throws {
        let table = ProvinceFixture.table()
        let previous = NightValues(date: "2026-11-27", values: [
            "520102": ["insurance_rate": 0.98, "employed_per_relocated_household": 1.0],
            "520103": ["insurance_rate": 0.9934, "compulsory_dropouts": 0],
            "522601": ["insurance_rate": 0.99, "employed_per_relocated_household": 0.5],
            "522603": ["compulsory_dropouts": 4],
        ])
        let history = ReportHistory(trends: [], previous: previous, table: table, moversPerIndicator: 1)
        #expect(history.previousDate == "2026-11-27")
        let crossings = history.targetChanges.map { "\($0.indicatorID) \($0.code) \($0.nowMet)" }
        #expect(crossings == [
            "insurance_rate 520102 true", "insurance_rate 522601 false",
            "compulsory_dropouts 520103 false", "compulsory_dropouts 522603 true",
        ])
        let movers = history.countyMovers.map { "\($0.indicatorID) \($0.code)" }
        // One per headline indicator: the largest absolute change (ties by code).
        #expect(movers == ["insurance_rate 520102", "compulsory_dropouts 522603", "employed_per_relocated_household 520102"])
        #expect(history.countyMovers[1].change == -4)
    }

    @Test func noPreviousNightMeansNoChanges() {
        let history = ReportHistory(trends: [IndicatorTrend(indicatorID: "insurance_rate", points: [])], previous: nil,
                                    table: ProvinceFixture.table())
        #expect(history.previousDate == nil)
        #expect(history.targetChanges.isEmpty && history.countyMovers.isEmpty)
    }
}
