import Engine
import Foundation
import Ingest

/// `county_summary.xlsx`: the county summary as a real workbook. Figures are
/// numbers (rates as fractions shown with a percent format), a missed target
/// has a light red fill, the header row and the name columns are frozen.
public struct CountySummaryWorkbook: MeetingOutput {
    public let path = "county_summary.xlsx"

    public init() {}

    public func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws {
        let summary = CountySummary(table: inputs.table)
        let title = options.language.pick("县级汇总", "County summary") + " " + inputs.runDate
        let date = DayNumber.parse(inputs.runDate).map { Date(timeIntervalSince1970: Double($0) * 86_400) }
            ?? Date(timeIntervalSince1970: 0)
        let data = try WorkbookPackage.data(sheet: Self.sheet(summary, options.language), title: title, date: date)
        try OutputFile.write(data, to: folder.appendingPathComponent(path))
    }

    /// The Excel number format of an indicator: `0` for counts, `0.00%` for
    /// rates (two fewer decimals than the catalogue's), `0.00` for ratios.
    static func numberFormat(_ definition: IndicatorDefinition) -> String {
        guard definition.isRatio else { return "0" }
        let plain = FigureText.isPlainRatio(definition)
        let decimals = plain ? definition.decimals : FigureText.percentDecimals(definition)
        return "0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") + (plain ? "" : "%")
    }

    static func sheet(_ summary: CountySummary, _ language: ReportLanguage) -> WorkbookSheet {
        var sheet = WorkbookSheet(name: language.pick("县级汇总", "County summary"))
        let header = summary.header(language)
        let headerStyle = CellStyle(header: true)
        sheet.rows.append(header.map { .text(CSVText.neutralised($0), headerStyle) })
        for row in summary.rows {
            let area = summary.area(row)
            let bold = row.kind != .county
            let textStyle = CellStyle(bold: bold)
            var cells: [SheetCell] = [
                .text(CountySummary.levelLabel(row.kind, language), textStyle),
                .text(area.code, textStyle),
                .text(CSVText.neutralised(area.name), textStyle),
            ]
            for indicator in summary.columns {
                let cell = summary.cell(row, column: indicator)
                guard let value = cell.value else {
                    cells.append(.empty)
                    continue
                }
                let style = CellStyle(numberFormat: numberFormat(summary.table.indicators[indicator]), bold: bold,
                                      highlighted: cell.missed)
                cells.append(.number(value, style))
            }
            sheet.rows.append(cells)
        }
        sheet.columnWidths = (0..<header.count).map { column in
            let widest = sheet.rows.map { row -> Int in
                guard column < row.count else { return 0 }
                switch row[column] {
                case .text(let text, _): return TextWidth.cells(text)
                case .number, .empty: return 10
                }
            }.max() ?? 10
            return Double(min(max(widest + 2, 8), 40))
        }
        sheet.frozenRows = 1
        sheet.frozenColumns = 3
        return sheet
    }
}
