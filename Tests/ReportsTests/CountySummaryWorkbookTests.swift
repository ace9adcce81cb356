import Engine
import Foundation
import TestSupport
import Testing

@testable import Reports

/// The workbook as openpyxl reads it: sheets, numbers and formats, charts,
/// conditional formats, filters, frozen panes and print setup.
@Suite struct CountySummaryWorkbookTests {
    func facts(_ options: ReportOptions = ReportOptions(), history: ReportHistory? = nil) throws -> WorkbookFacts {
        let (_, ingest) = try FeedFixture.ingest()
        let folder = try TemporaryFolder(prefix: "reports-xlsx")
        defer { folder.remove() }
        try CountySummaryWorkbook().write(
            ProvinceFixture.inputs(ingest: ingest, history: history), options: options, to: folder.url)
        return try WorkbookFacts(file: folder.url.appendingPathComponent("county_summary.xlsx"))
    }

    let table = ProvinceFixture.table()
    var columns: [Int] { table.indicators.indices.filter { table.indicators[$0].inSummary } }
    var keyColumns: [Int] { columns.filter { table.indicators[$0].isKey } }

    @Test func hasTheFiveSheets() throws {
        #expect(try facts().sheets.map(\.name) == ["县级汇总", "重点帮扶县", "三维评估", "趋势", "数据质量"])
        #expect(
            try facts(ReportOptions(language: .en)).sheets.map(\.name)
                == ["County summary", "Key counties", "3-D evaluation", "Trend", "Data quality"])
    }

    @Test func summaryHoldsNumbersWithFormatsCountiesFirst() throws {
        let sheet = try facts().sheet("县级汇总")
        #expect(sheet.cells["A1"]?.text == "层级")
        #expect(sheet.cells["D1"]?.text == "人数")
        let missedColumn = WorkbookTestColumns.name(3 + columns.count)
        #expect(sheet.cells[missedColumn + "1"]?.text == "未达标指标")
        let summary = CountySummary(table: table)
        let ordered = summary.rows.filter { $0.kind == .county } + summary.rows.filter { $0.kind != .county }
        for (offset, row) in ordered.enumerated() {
            let line = String(offset + 2)
            #expect(sheet.cells["B" + line]?.text == table.areas[row.area].code)
            var missed: [String] = []
            for (position, indicator) in columns.enumerated() {
                let reference = WorkbookTestColumns.name(3 + position) + line
                let definition = table.indicators[indicator]
                guard let expected = table.value(area: row.area, indicator: indicator) else {
                    #expect(sheet.cells[reference] == nil, "\(reference) should be empty")
                    continue
                }
                let cell = try #require(sheet.cells[reference], "\(reference)")
                let value = try #require(cell.number, "\(reference) should be a number, is \(cell.type)")
                #expect(abs(value - expected) < 1e-12)
                switch definition.unit {
                case "rate": #expect(cell.format == "0.00%")
                case "ratio": #expect(cell.format == "0.00")
                default: #expect(cell.format == "#,##0")
                }
                if definition.target.map({ !$0.isMet(by: expected) }) ?? false { missed.append(definition.labelZH) }
            }
            #expect((sheet.cells[missedColumn + line]?.text ?? "") == missed.joined(separator: "、"), "row \(line)")
        }
        #expect(sheet.cells["A7"]?.text == "市（州）小计")
        #expect(sheet.cells["A9"]?.text == "全省合计")
        #expect(sheet.cells["A9"]?.bold == true)
    }

    @Test func summaryFiltersFreezesAndPrintsOnA4Landscape() throws {
        let sheet = try facts().sheet("县级汇总")
        let last = WorkbookTestColumns.name(3 + columns.count)
        #expect(sheet.autofilter == "A1:\(last)6", "the five counties only, not the totals")
        #expect(sheet.freeze == "D2")
        #expect(sheet.orientation == "landscape")
        #expect(sheet.paper == "9")
        #expect(sheet.titleRows == "$1:$1")
    }

    @Test func missedTargetsHaveConditionalFormats() throws {
        let sheet = try facts().sheet("县级汇总")
        // insurance_rate ≥ 0.99 is column E, compulsory_dropouts = 0 is column F; rows 2–9.
        let insurance = try #require(sheet.conditional.first { $0.range == "E2:E9" })
        #expect(insurance.formulas == ["AND(ISNUMBER(E2),E2<0.99-1E-12)"])
        let dropouts = try #require(sheet.conditional.first { $0.range == "F2:F9" })
        #expect(dropouts.formulas == ["AND(ISNUMBER(F2),ABS(F2-0.0)>=1E-12)"])
        #expect(sheet.conditional.count == columns.filter { table.indicators[$0].target != nil }.count)
        // What the rule flags is what the catalogue calls missed: 522601 (row 4) has 98.50 %.
        #expect(sheet.cells["B4"]?.text == "522601")
        #expect(try #require(sheet.cells["E4"]?.number) < 0.99)
    }

    @Test func aColumnChartPerKeyIndicatorWithItsTargetLine() throws {
        let sheet = try facts().sheet("县级汇总")
        #expect(sheet.charts.count == keyColumns.count)
        for (chart, indicator) in zip(sheet.charts, keyColumns) {
            let definition = table.indicators[indicator]
            let position = try #require(columns.firstIndex(of: indicator))
            let column = WorkbookTestColumns.name(3 + position)
            #expect(chart.type == "barChart")
            #expect(chart.title?.hasPrefix(definition.labelZH) == true)
            let figures = try #require(chart.series.first)
            #expect(figures.values == "'县级汇总'!$\(column)$2:$\(column)$6")
            #expect(figures.categories == "'县级汇总'!$C$2:$C$6")
            if definition.target != nil {
                let target = try #require(chart.series.dropFirst().first)
                #expect(target.trendline == "linear")
                #expect(target.name?.hasPrefix("目标") == true)
            } else {
                #expect(chart.series.count == 1)
            }
        }
    }

    @Test func keyCountiesAndTheirSubtotal() throws {
        let sheet = try facts().sheet("重点帮扶县")
        #expect(sheet.cells["B2"]?.text == "522601")
        #expect(sheet.cells["B3"]?.text == "522602")
        #expect(sheet.cells["A4"]?.text == "重点帮扶县小计")
        #expect(sheet.cells["A5"]?.text == "全省合计")
        // Persons: 7 + 2; insurance: (985 + 0) / (1000 + 0).
        #expect(sheet.cells["D4"]?.number == 9)
        #expect(sheet.cells["E4"]?.number == 0.985)
        #expect(sheet.autofilter?.hasSuffix("3") == true)
    }

    @Test func evaluationShowsTheIndicatorsTheCatalogueHas() throws {
        let sheet = try facts().sheet("三维评估")
        // The fixture has none of them: the sheet names what is missing.
        let note = sheet.cells.values.compactMap(\.text).first { $0.hasPrefix("目录中没有的评估指标") }
        #expect(note?.contains("monitoring_accuracy") == true)
        #expect(sheet.cells["A1"]?.text == "层级")
    }

    @Test func trendSheetHasNightsAndALineChartPerKeyIndicator() throws {
        let trends = AreaTrends(
            dates: ["2026-11-26", "2026-11-27"],
            values: ["insurance_rate": ["52": [0.95, nil], "522601": [0.97, 0.98]]])
        var history = ReportHistory(trends: [], previousDate: "2026-11-27", targetChanges: [], countyMovers: [])
        history.areaTrends = trends
        let sheet = try facts(history: history).sheet("趋势")
        #expect(sheet.cells["A1"]?.text == "参保率")
        #expect(sheet.cells["C2"]?.text == "2026-11-26")
        #expect(sheet.cells["E2"]?.text == ProvinceFixture.runDate)
        #expect(sheet.cells["B3"]?.text == "贵州省")
        #expect(sheet.cells["C3"]?.number == 0.95)
        #expect(sheet.cells["D3"] == nil, "an undefined night stays empty")
        let row = try #require((3...9).first { sheet.cells["A\($0)"]?.text == "522601" })
        #expect(sheet.cells["C\(row)"]?.number == 0.97)
        #expect(sheet.cells["E\(row)"]?.number == 0.985)
        #expect(sheet.charts.count == table.indicators.filter(\.isKey).count)
        #expect(sheet.charts.allSatisfy { $0.type == "lineChart" })
        #expect(sheet.charts.first?.series.first?.values == "'趋势'!$C$3:$E$3")
    }

    @Test func dataQualityCountsRowsPerFeed() throws {
        let sheet = try facts().sheet("数据质量")
        #expect(sheet.cells["A1"]?.text == "文件")
        #expect(sheet.cells["A2"]?.text == "regions.csv")
        #expect(sheet.cells["B2"]?.number == Double(ProvinceFixture.counties.count))
        #expect(sheet.cells["E2"]?.format == "0.00%")
    }

    @Test func hostileNamesStayPlainText() throws {
        let facts = try facts()
        for sheet in facts.sheets {
            for (reference, cell) in sheet.cells {
                #expect(cell.type != "f", "\(sheet.name)!\(reference) is a formula")
            }
        }
        let names = try facts.sheet("县级汇总").cells.values.compactMap(\.text)
        #expect(names.contains("'" + ProvinceFixture.hyperlink))
        #expect(names.contains("'" + ProvinceFixture.tabbed))
        #expect(names.contains(ProvinceFixture.script))
    }

    @Test func sameFiguresGiveTheSameBytes() throws {
        let (_, ingest) = try FeedFixture.ingest()
        var files: [Data] = []
        for _ in 0..<2 {
            let folder = try TemporaryFolder(prefix: "reports-xlsx")
            defer { folder.remove() }
            try CountySummaryWorkbook().write(
                ProvinceFixture.inputs(ingest: ingest), options: ReportOptions(), to: folder.url)
            files.append(try folder.data("county_summary.xlsx"))
            Thread.sleep(forTimeInterval: 1.1)
        }
        #expect(files[0] == files[1])
    }
}

/// Spreadsheet column letters for the tests.
enum WorkbookTestColumns {
    static func name(_ column: Int) -> String { XlsxSheet.columnName(column) }
}
