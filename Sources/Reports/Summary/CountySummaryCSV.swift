import Foundation

/// `county_summary.csv`: the county summary for Excel or WPS. One row per
/// county in code order, each prefecture's subtotal after its counties, the
/// province last; a figure that misses its target ends with `▼`.
public struct CountySummaryCSV: MeetingOutput {
    public let path = "county_summary.csv"

    public init() {}

    public func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws {
        let text = Self.text(CountySummary(table: inputs.table), options.language)
        try OutputFile.write(try SpreadsheetBytes.encode(text, options.spreadsheetEncoding),
                             to: folder.appendingPathComponent(path))
    }

    /// The file as text (before encoding), lines ending in LF.
    static func text(_ summary: CountySummary, _ language: ReportLanguage) -> String {
        var out = CSVText.line(summary.header(language).map(CSVText.feedText))
        for row in summary.rows {
            let area = summary.area(row)
            var fields = [CSVText.field(CountySummary.levelLabel(row.kind, language)), area.code,
                          CSVText.feedText(area.name)]
            for indicator in summary.columns {
                let cell = summary.cell(row, column: indicator)
                fields.append(cell.text + (cell.missed ? CountySummary.missedMark : ""))
            }
            out += CSVText.line(fields)
        }
        return out
    }
}
