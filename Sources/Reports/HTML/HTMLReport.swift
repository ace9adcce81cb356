import Engine
import Foundation

/// `report.html`: one self-contained page for the morning meeting (inline CSS
/// and SVG, no scripts, fonts or images): headline figures against their
/// targets, night-over-night changes, a bar chart per headline indicator, the
/// county table, clue counts and data quality. The markup is XHTML-compatible.
public struct HTMLReport: MeetingOutput {
    public let path = "report.html"

    public init() {}

    public func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws {
        let page = ReportPage(inputs, language: options.language, map: options.countyMap)
        try OutputFile.write(Data(page.html.utf8), to: folder.appendingPathComponent(path))
    }
}

/// The report's content, section by section.
struct ReportPage {
    let inputs: ReportInputs
    let language: ReportLanguage
    let summary: CountySummary
    /// Positions of the headline indicators.
    let keyIndicators: [Int]
    let counties: [Int]
    let province: Int?
    /// The county boundaries; nil draws bar charts instead of maps.
    let map: CountyMap?

    init(_ inputs: ReportInputs, language: ReportLanguage, map: CountyMap? = nil) {
        self.inputs = inputs
        self.language = language
        self.map = map
        summary = CountySummary(table: inputs.table)
        keyIndicators = inputs.table.indicators.indices.filter { inputs.table.indicators[$0].isKey }
        counties = inputs.table.areaIndices(at: .county)
        province = inputs.table.areaIndices(at: .province).first
    }

    var table: IndicatorTable { inputs.table }

    var title: String { language.pick("防止返贫监测日报", "Rural revitalisation monitoring report") }

    var html: String {
        var out = "<!DOCTYPE html>\n"
        out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language.pick("zh-CN", "en"))\""
        out += " xml:lang=\"\(language.pick("zh-CN", "en"))\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(esc(title + " " + inputs.runDate))</title>\n<style>\n\(ReportStyle.css)\n\(ReportStyle.panelsCSS)\n</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(esc(title))</h1>\n"
        out += "<p class=\"meta\">" + esc(language.pick("数据日期 ", "Data as of ") + inputs.runDate + " · ")
        out += esc(language.pick("\(counties.count) 个县（市、区）", "\(counties.count) counties")) + "</p>\n"
        out += alertsSection
        out += headlineSection
        out += changesSection
        out += map == nil ? chartsSection : mapsSection
        out += countyTableSection
        out += groupComparisonSection
        out += breakdownSection
        out += evaluationSection
        out += clueSection
        out += dataQualitySection
        out += "<footer>" + esc(language.pick("由 Bottomline 夜间作业生成。▼ 表示未达到目标。",
                                               "Made by the Bottomline nightly job. ▼ marks a missed target.")) + "</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// Text escaped for the page.
    func esc(_ text: String) -> String { MarkupText.escape(text) }

    /// A figure as the page shows it: counts with thousands separators.
    func display(_ cell: CountySummary.Cell, _ definition: IndicatorDefinition) -> String {
        guard !definition.isRatio, let value = cell.value else { return cell.text }
        return Self.grouped(Int64(value.rounded()))
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ number: Int64) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// A table cell with a number, marked when it misses its target.
    func numberCell(_ cell: CountySummary.Cell, _ definition: IndicatorDefinition) -> String {
        let text = display(cell, definition) + (cell.missed ? CountySummary.missedMark : "")
        return "<td class=\"num\(cell.missed ? " missed" : "")\">\(esc(text))</td>"
    }

    /// A table header row.
    func headerRow(_ labels: [String]) -> String {
        "<thead><tr>" + labels.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead>\n"
    }

    /// The name of the county whose code is `code`, or the code when the table lacks it.
    func countyName(_ code: String) -> String {
        guard let area = counties.first(where: { table.areas[$0].code == code }) else { return code }
        return table.areas[area].name
    }
}
