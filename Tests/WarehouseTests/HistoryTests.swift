import Engine
import Testing
import TestSupport
import Warehouse

@Suite struct HistoryTests {
    typealias Fixture = WarehouseFixture

    private func warehouse(_ folder: TemporaryFolder) throws -> Warehouse {
        let path = folder.file("warehouse.sqlite")
        try Fixture.makeWarehouse(at: path)
        return try Warehouse.openForReading(path: path)
    }

    @Test func countyHistoryHasEveryDateAndTheExactPublishedText() throws {
        let folder = try TemporaryFolder()
        let history = try warehouse(folder).history(indicator: "insurance_rate", level: .county)
        #expect(history.dates == [Fixture.firstDate, Fixture.secondDate])
        #expect(history.areas.map(\.code) == ["520102", "520103", "520201"])
        #expect(history.areas.map(\.name) == ["南明区", "云岩区", "钟山区"])
        #expect(history.labelZH == "参保率" && history.isRatio)
        #expect(history.points.count == 6)
        for (date, night) in [(Fixture.firstDate, Fixture.firstNight), (Fixture.secondDate, Fixture.secondNight)] {
            let table = Fixture.table(night)
            let indicator = try #require(table.indicatorIndex("insurance_rate"))
            for area in table.areaIndices(at: .county) {
                let point = try #require(history.point(date: date, code: table.areas[area].code))
                #expect(point.valueText == table.formattedValue(area: area, indicator: indicator))
                #expect(point.numerator == table.numerator(area: area, indicator: indicator))
                #expect(point.denominator == table.denominator(area: area, indicator: indicator))
            }
        }
        #expect(history.point(date: Fixture.secondDate, code: "520102")?.valueText == "0.9800")
    }

    @Test func oneAreaAndTheLastDatesOnly() throws {
        let folder = try TemporaryFolder()
        let warehouse = try warehouse(folder)
        let history = try warehouse.history(indicator: "persons", level: .county, code: "520201", last: 1)
        #expect(history.dates == [Fixture.secondDate])
        #expect(history.points.map(\.numerator) == [3010])
        #expect(history.points.first?.denominator == nil)

        let province = try warehouse.history(indicator: "persons")
        #expect(province.level == .province && province.areas.map(\.code) == ["52"])
        #expect(province.points.map(\.valueText) == ["5300", "5310"])
    }

    @Test func unknownIndicatorsAndAreasAreNamed() throws {
        let folder = try TemporaryFolder()
        let warehouse = try warehouse(folder)
        do {
            _ = try warehouse.history(indicator: "insurance")
            Issue.record("expected unknownIndicator")
        } catch let WarehouseError.unknownIndicator(id, known) {
            #expect(id == "insurance")
            #expect(known == Fixture.indicators.map(\.id))
        }
        #expect(throws: WarehouseError.unknownArea(level: "county", code: "529999")) {
            try warehouse.history(indicator: "persons", level: .county, code: "529999")
        }
    }
}
