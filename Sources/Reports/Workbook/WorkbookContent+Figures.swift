import Engine

/// A table of figures on a sheet: level, code, name, one column per
/// indicator, and a last column naming the missed targets.
struct FigureRow {
    let level: String
    let code: String
    let name: String
    let cells: [CountySummary.Cell]
    /// Subtotals and totals are bold.
    let bold: Bool
}

extension WorkbookContent {
    /// Where a figure table landed on its sheet.
    struct FigureLayout {
        /// Zero-based row of the header.
        let headerRow: Int
        /// Zero-based column of the first indicator.
        let firstIndicatorColumn: Int
        let lastRow: Int
        /// The column after the table.
        let nextColumn: Int
    }

    /// The header labels before the indicators.
    var areaHeader: [String] {
        [language.pick("层级", "level"), language.pick("代码", "code"), language.pick("名称", "name")]
    }

    var missedHeader: String { language.pick("未达标指标", "missed targets") }

    /// Writes `rows` under a header from `headerRow`; the first `filteredRows`
    /// rows (the counties) get the autofilter. Missed targets are highlighted
    /// by one conditional format per indicator column.
    @discardableResult
    func figureTable(
        _ sheet: XlsxSheet, indicators: [Int], rows: [FigureRow], headerRow: Int = 0,
        filteredRows: Int
    ) throws -> FigureLayout {
        let first = areaHeader.count
        let missedColumn = first + indicators.count
        for (column, label)
            in (areaHeader + indicators.map { CountySummary.label(table.indicators[$0], language) }
            + [missedHeader]).enumerated()
        {
            sheet.text(headerRow, column, label, .header)
        }
        sheet.rowHeight(headerRow, 45)
        for (offset, row) in rows.enumerated() {
            let line = headerRow + 1 + offset
            let style = row.bold ? CellStyle.bold : CellStyle.plain
            sheet.text(line, 0, row.level, style)
            sheet.text(line, 1, row.code, style)
            sheet.text(line, 2, feedText(row.name), style)
            var missed: [String] = []
            for (position, indicator) in indicators.enumerated() {
                let definition = table.indicators[indicator]
                let cell = row.cells[position]
                sheet.number(
                    line, first + position, cell.value,
                    CellStyle(numberFormat: CountySummaryWorkbook.numberFormat(definition), bold: row.bold))
                if cell.missed { missed.append(CountySummary.label(definition, language)) }
            }
            sheet.text(line, missedColumn, missed.joined(separator: language.pick("、", "; ")), style)
        }
        let lastRow = headerRow + rows.count
        if !rows.isEmpty {
            for (position, indicator) in indicators.enumerated() {
                guard let target = table.indicators[indicator].target else { continue }
                let column = first + position
                try sheet.highlight(
                    CellRange(
                        sheet: sheet.name, firstRow: headerRow + 1, firstColumn: column,
                        lastRow: lastRow, lastColumn: column),
                    when: CountySummaryWorkbook.missedFormula(target, cell: XlsxSheet.reference(headerRow + 1, column)))
            }
        }
        if filteredRows > 0 {
            sheet.autofilter(
                CellRange(
                    sheet: sheet.name, firstRow: headerRow, firstColumn: 0,
                    lastRow: headerRow + filteredRows, lastColumn: missedColumn))
        }
        sheet.width(0, 14)
        sheet.width(1, 9)
        let widest = rows.map { TextWidth.cells($0.name) }.max() ?? 8
        sheet.width(2, Double(min(max(widest + 2, 10), 40)))
        for position in indicators.indices { sheet.width(first + position, 12) }
        sheet.width(missedColumn, 36)
        return FigureLayout(
            headerRow: headerRow, firstIndicatorColumn: first, lastRow: lastRow, nextColumn: missedColumn + 1)
    }

    /// A row of the table for one area.
    func figureRow(_ kind: CountySummary.RowKind, area: Int, indicators: [Int]) -> FigureRow {
        let unit = table.areas[area]
        return FigureRow(
            level: CountySummary.levelLabel(kind, language), code: unit.code, name: unit.name,
            cells: indicators.map { CountySummary.cell(table, area: area, indicator: $0) },
            bold: kind != .county)
    }
}
