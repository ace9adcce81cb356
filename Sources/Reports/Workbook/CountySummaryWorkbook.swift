import Engine
import Foundation
import Ingest

/// `county_summary.xlsx`: the meeting workbook, written with libxlsxwriter.
/// Sheets: 县级汇总 (counties, subtotals, province; a native chart per headline
/// indicator with its target line), 重点帮扶县 (the key counties and their
/// subtotal), 三维评估 (the three-dimensional evaluation), 趋势 (headline
/// indicators by county over the last nights, with a line chart each) and
/// 数据质量 (rows per feed and sector coverage). Figures are numbers with
/// number formats; missed targets are highlighted by conditional formats.
public struct CountySummaryWorkbook: MeetingOutput {
    public let path = "county_summary.xlsx"

    public init() {}

    public func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws {
        let language = options.language
        let file = folder.appendingPathComponent(path).path
        let created = DayNumber.parse(inputs.runDate).map { Int($0) * 86_400 } ?? 0
        let workbook = try XlsxWorkbook(
            path: file, title: language.pick("县级汇总", "County summary") + " " + inputs.runDate,
            created: created)
        let book = WorkbookContent(inputs: inputs, language: language, workbook: workbook)
        try book.summarySheet()
        try book.keyCountySheet()
        try book.evaluationSheet()
        try book.trendSheet()
        try book.dataQualitySheet()
        try workbook.close()
    }

    /// The Excel number format of an indicator: `0` for counts, `0.00%` for
    /// rates (two fewer decimals than the catalogue's), `0.00` for ratios.
    static func numberFormat(_ definition: IndicatorDefinition) -> String {
        guard definition.isRatio else { return "#,##0" }
        let plain = FigureText.isPlainRatio(definition)
        let decimals = plain ? definition.decimals : FigureText.percentDecimals(definition)
        return "0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") + (plain ? "" : "%")
    }

    /// The spreadsheet test of a missed target for the cell `reference`
    /// (same tolerance as `Target.isMet`), e.g. `AND(ISNUMBER(D2),D2<0.99-1E-12)`.
    static func missedFormula(_ target: Target, cell reference: String) -> String {
        let value = String(target.value)
        let test: String
        switch target.comparison {
        case .atLeast: test = "\(reference)<\(value)-1E-12"
        case .atMost: test = "\(reference)>\(value)+1E-12"
        case .equal: test = "ABS(\(reference)-\(value))>=1E-12"
        }
        return "AND(ISNUMBER(\(reference)),\(test))"
    }
}

/// What the sheets are made from, and the workbook they are written into.
struct WorkbookContent {
    let inputs: ReportInputs
    let language: ReportLanguage
    let workbook: XlsxWorkbook
    let summary: CountySummary
    /// Positions of the headline indicators.
    let keyIndicators: [Int]

    init(inputs: ReportInputs, language: ReportLanguage, workbook: XlsxWorkbook) {
        self.inputs = inputs
        self.language = language
        self.workbook = workbook
        summary = CountySummary(table: inputs.table)
        keyIndicators = inputs.table.indicators.indices.filter { inputs.table.indicators[$0].isKey }
    }

    var table: IndicatorTable { inputs.table }

    /// The sheet names, in order.
    func sheetName(_ sheet: Sheet) -> String {
        switch sheet {
        case .summary: return language.pick("县级汇总", "County summary")
        case .keyCounties: return language.pick("重点帮扶县", "Key counties")
        case .evaluation: return language.pick("三维评估", "3-D evaluation")
        case .trend: return language.pick("趋势", "Trend")
        case .dataQuality: return language.pick("数据质量", "Data quality")
        }
    }

    enum Sheet: CaseIterable {
        case summary, keyCounties, evaluation, trend, dataQuality
    }

    /// Text from a feed, with a leading `'` when a spreadsheet could read it as a formula.
    func feedText(_ text: String) -> String { CSVText.neutralised(text) }

    /// The page header of a sheet: its name and the night.
    func pageHeader(_ sheet: Sheet) -> String { sheetName(sheet) + " " + inputs.runDate }
}
