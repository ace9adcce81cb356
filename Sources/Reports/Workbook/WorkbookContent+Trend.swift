import CXlsxWriter
import Engine

extension WorkbookContent {
    /// 趋势: one block per headline indicator — the province and every county
    /// over the nights in the warehouse and tonight, with the target under
    /// them — and a line chart of the province against the target beside it.
    func trendSheet() throws {
        let sheet = try workbook.addSheet(sheetName(.trend))
        let trends = inputs.history?.areaTrends ?? AreaTrends()
        let dates = trends.dates + [inputs.runDate]
        let areas = table.areaIndices(at: .province) + table.areaIndices(at: .county)
        var row = 0
        sheet.width(0, 9)
        sheet.width(1, 18)
        for night in dates.indices { sheet.width(2 + night, 10.5) }
        for indicator in keyIndicators {
            let definition = table.indicators[indicator]
            let format = CellStyle(numberFormat: CountySummaryWorkbook.numberFormat(definition))
            let label = CountySummary.label(definition, language)
            sheet.text(row, 0, label, .bold)
            let header = row + 1
            for (column, text) in ([language.pick("代码", "code"), language.pick("名称", "name")] + dates).enumerated() {
                sheet.text(header, column, text, .header)
            }
            var line = header + 1
            for area in areas {
                let unit = table.areas[area]
                let style = unit.level == .province ? CellStyle.bold : CellStyle.plain
                sheet.text(line, 0, unit.code, style)
                sheet.text(line, 1, feedText(unit.name), style)
                for night in trends.dates.indices {
                    sheet.number(
                        line, 2 + night, trends.value(definition.id, code: unit.code, night: night),
                        CellStyle(numberFormat: format.numberFormat, bold: unit.level == .province))
                }
                sheet.number(
                    line, 1 + dates.count, table.value(area: area, indicator: indicator),
                    CellStyle(numberFormat: format.numberFormat, bold: unit.level == .province))
                line += 1
            }
            let lastDateColumn = 1 + dates.count
            if let target = definition.target {
                sheet.text(line, 1, language.pick("目标 ", "target ") + FigureText.target(target, definition), .bold)
                for night in dates.indices { sheet.number(line, 2 + night, target.value, format) }
                try sheet.highlight(
                    CellRange(
                        sheet: sheet.name, firstRow: header + 1, firstColumn: 2, lastRow: line - 1,
                        lastColumn: lastDateColumn),
                    when: CountySummaryWorkbook.missedFormula(target, cell: XlsxSheet.reference(header + 1, 2)))
            }
            if !areas.isEmpty {
                try trendChart(
                    sheet, definition: definition,
                    dates: CellRange(
                        sheet: sheet.name, firstRow: header,
                        firstColumn: 2, lastRow: header, lastColumn: lastDateColumn),
                    province: header + 1, target: definition.target == nil ? nil : line,
                    at: (row, lastDateColumn + 2))
            }
            row = line + 3
        }
        sheet.freeze(rows: 0, columns: 2)
        sheet.printSetup(titleRows: 0, header: pageHeader(.trend))
    }

    /// A line chart of the province's row (and the target's row) over the dates.
    private func trendChart(
        _ sheet: XlsxSheet, definition: IndicatorDefinition, dates: CellRange, province: Int,
        target: Int?, at cell: (row: Int, column: Int)
    ) throws {
        let chart = try workbook.addChart(LXW_CHART_LINE)
        let label = CountySummary.label(definition, language)
        let provinceName =
            table.areaIndices(at: .province).first.map { table.areas[$0].name } ?? language.pick("全省", "province")
        chart.series(
            feedText(provinceName), categories: dates,
            values: CellRange(
                sheet: sheet.name, firstRow: province, firstColumn: dates.firstColumn,
                lastRow: province, lastColumn: dates.lastColumn),
            color: 0x2B6CB0)
        if let target, let goal = definition.target {
            chart.series(
                language.pick("目标 ", "target ") + FigureText.target(goal, definition), categories: dates,
                values: CellRange(
                    sheet: sheet.name, firstRow: target, firstColumn: dates.firstColumn,
                    lastRow: target, lastColumn: dates.lastColumn),
                color: 0xDD6B20, dashed: true)
        }
        chart.title(
            label
                + language.pick(
                    "（全省，近 \(dates.lastColumn - dates.firstColumn + 1) 日）",
                    " (province, last \(dates.lastColumn - dates.firstColumn + 1) nights)"))
        chart.axes(
            category: language.pick("日期", "night"), value: UnitText.words(definition, language),
            numberFormat: CountySummaryWorkbook.numberFormat(definition))
        chart.legendAtBottom()
        try sheet.insert(chart, row: cell.row, column: cell.column, width: 640, height: 320)
    }
}
