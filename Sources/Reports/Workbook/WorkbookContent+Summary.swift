import CXlsxWriter
import Engine

extension WorkbookContent {
    /// 县级汇总: the counties (filterable), then the prefecture subtotals and
    /// the province; under them a column chart per headline indicator over the
    /// counties, with its target as a dashed line (read from the target columns
    /// to the right of the table).
    func summarySheet() throws {
        let sheet = try workbook.addSheet(sheetName(.summary))
        let counties = summary.rows.filter { $0.kind == .county }
        let totals = summary.rows.filter { $0.kind != .county }
        let rows = (counties + totals).map { figureRow($0.kind, area: $0.area, indicators: summary.columns) }
        let layout = try figureTable(sheet, indicators: summary.columns, rows: rows, filteredRows: counties.count)
        sheet.freeze(rows: 1, columns: 3)
        sheet.printSetup(titleRows: 1, header: pageHeader(.summary))
        guard !counties.isEmpty else { return }
        var chartRow = layout.lastRow + 3
        var targetColumn = layout.nextColumn + 1
        for indicator in keyIndicators {
            guard let position = summary.columns.firstIndex(of: indicator) else { continue }
            let definition = table.indicators[indicator]
            let chart = try workbook.addChart(LXW_CHART_COLUMN)
            let names = CellRange(
                sheet: sheet.name, firstRow: 1, firstColumn: 2, lastRow: counties.count, lastColumn: 2)
            let column = layout.firstIndicatorColumn + position
            let label = CountySummary.label(definition, language)
            chart.series(
                label, categories: names,
                values: CellRange(
                    sheet: sheet.name, firstRow: 1, firstColumn: column, lastRow: counties.count,
                    lastColumn: column),
                color: 0x2B6CB0)
            chart.overlapSeries()
            var title = label
            if let target = definition.target {
                let format = CellStyle(numberFormat: CountySummaryWorkbook.numberFormat(definition))
                sheet.text(0, targetColumn, language.pick("目标线：", "target line: ") + label, .header)
                for row in 1...counties.count { sheet.number(row, targetColumn, target.value, format) }
                sheet.width(targetColumn, 12)
                chart.targetLine(
                    language.pick("目标 ", "target ") + FigureText.target(target, definition), categories: names,
                    values: CellRange(
                        sheet: sheet.name, firstRow: 1, firstColumn: targetColumn,
                        lastRow: counties.count, lastColumn: targetColumn),
                    color: 0xDD6B20)
                title += language.pick(" · 目标 ", " · target ") + FigureText.target(target, definition)
                targetColumn += 1
            }
            chart.title(title)
            chart.axes(
                category: language.pick("县（市、区）", "county"), value: UnitText.words(definition, language),
                numberFormat: CountySummaryWorkbook.numberFormat(definition))
            chart.everyCategoryLabel()
            let percent = definition.isRatio && !FigureText.isPlainRatio(definition)
            let largest =
                (table.areaIndices(at: .county).compactMap { table.value(area: $0, indicator: indicator) }
                + [definition.target?.value ?? 0]).max() ?? 0
            chart.valueAxis(from: 0, to: percent && largest <= 1 ? 1 : nil)
            chart.legendAtBottom()
            try sheet.insert(chart, row: chartRow, column: 0, width: 1500, height: 520)
            chartRow += 28
        }
    }

    /// 重点帮扶县: the key counties, their subtotal, and the province for comparison.
    func keyCountySheet() throws {
        let sheet = try workbook.addSheet(sheetName(.keyCounties))
        let key = KeyCounties(table: table, quality: inputs.quality)
        var rows = key.areas.map { figureRow(.county, area: $0, indicators: summary.columns) }
        if !key.areas.isEmpty {
            rows.append(
                FigureRow(
                    level: language.pick("重点帮扶县小计", "key counties subtotal"), code: "",
                    name: language.pick("\(key.areas.count) 个重点帮扶县", "\(key.areas.count) key counties"),
                    cells: summary.columns.map { key.subtotal(table, indicator: $0) }, bold: true))
        }
        rows += table.areaIndices(at: .province).map { figureRow(.province, area: $0, indicators: summary.columns) }
        try figureTable(sheet, indicators: summary.columns, rows: rows, filteredRows: key.areas.count)
        sheet.freeze(rows: 1, columns: 3)
        sheet.printSetup(titleRows: 1, header: pageHeader(.keyCounties))
    }

    /// The indicators of the three-dimensional evaluation, by id, in this order.
    static let evaluationIndicators = [
        "monitoring_accuracy", "omission_rate", "assistance_coverage", "risk_elimination_rate",
        "stable_elimination_rate", "false_eliminations",
    ]

    /// 三维评估: the evaluation indicators the catalogue has, per county, then
    /// prefecture and province; the ones it lacks are named under the table.
    func evaluationSheet() throws {
        let sheet = try workbook.addSheet(sheetName(.evaluation))
        let indicators = Self.evaluationIndicators.compactMap { table.indicatorIndex($0) }
        let counties = summary.rows.filter { $0.kind == .county }
        let rows = (counties + summary.rows.filter { $0.kind != .county }).map {
            figureRow($0.kind, area: $0.area, indicators: indicators)
        }
        let layout = try figureTable(sheet, indicators: indicators, rows: rows, filteredRows: counties.count)
        let missing = Self.evaluationIndicators.filter { table.indicatorIndex($0) == nil }
        if !missing.isEmpty {
            sheet.text(
                layout.lastRow + 2, 0,
                language.pick("目录中没有的评估指标：", "Not in the catalogue: ")
                    + missing.joined(separator: ", "))
        }
        sheet.freeze(rows: 1, columns: 3)
        sheet.printSetup(titleRows: 1, header: pageHeader(.evaluation))
    }
}
