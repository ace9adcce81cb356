import Foundation

/// `county_summary.csv`: the county summary for Excel or WPS. One row per
/// county in code order, each prefecture's subtotal after its counties, the
/// province last. Every figure is a plain number a spreadsheet reads as one
/// (rates in percent, the header says `（%）`); the last column names the
/// indicators whose target the row misses.
public struct CountySummaryCSV: MeetingOutput {
    public let path = "county_summary.csv"

    public init() {}

    public func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws {
        let text = Self.text(CountySummary(table: inputs.table), options.language)
        try OutputFile.write(
            try SpreadsheetBytes.encode(text, options.spreadsheetEncoding),
            to: folder.appendingPathComponent(path))
    }

    /// The file as text (before encoding), lines ending in LF.
    static func text(_ summary: CountySummary, _ language: ReportLanguage) -> String {
        let percent = summary.columns.map {
            summary.table.indicators[$0].isRatio
                && !FigureText.isPlainRatio(summary.table.indicators[$0])
        }
        let labels = zip(summary.columns, percent).map { indicator, isPercent in
            CountySummary.label(summary.table.indicators[indicator], language)
                + (isPercent ? language.pick("（%）", " (%)") : "")
        }
        let header =
            [language.pick("层级", "level"), language.pick("代码", "code"), language.pick("名称", "name")] + labels
            + [language.pick("未达标指标", "missed targets")]
        var out = CSVText.line(header.map(CSVText.feedText))
        for row in summary.rows {
            let area = summary.area(row)
            var fields = [
                CSVText.field(CountySummary.levelLabel(row.kind, language)), area.code,
                CSVText.feedText(area.name),
            ]
            var missed: [String] = []
            for indicator in summary.columns {
                let cell = summary.cell(row, column: indicator)
                fields.append(cell.text.hasSuffix("%") ? String(cell.text.dropLast()) : cell.text)
                if cell.missed { missed.append(CountySummary.label(summary.table.indicators[indicator], language)) }
            }
            fields.append(CSVText.feedText(missed.joined(separator: language.pick("、", "; "))))
            out += CSVText.line(fields)
        }
        return out
    }
}
