import Engine

/// A map of the province's counties coloured by one indicator, as inline SVG:
/// five equal classes between the lowest and highest county, darker meaning
/// better for an "at least" target and worse otherwise; counties missing the
/// target outlined in red; each county's name and value on hover (`<title>`);
/// a legend with the classes, the target and the outline.
struct ChoroplethMap {
    struct Figure {
        let value: Double?
        let text: String
        let missed: Bool
    }

    let map: CountyMap
    let definition: IndicatorDefinition
    /// By county code.
    let figures: [String: Figure]
    let language: ReportLanguage
    let caption: String

    static let legendWidth = 330.0
    static let blues = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
    static let oranges = ["#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"]
    static let noDataColor = "#a0aec0"

    /// Higher values are better (drawn darker blue) unless the target caps them.
    var higherIsBetter: Bool { definition.target.map { $0.comparison == .atLeast } ?? true }

    var palette: [String] { higherIsBetter ? Self.blues : Self.oranges }

    /// The lowest and highest county values.
    var range: (low: Double, high: Double)? {
        let values = map.counties.compactMap { figures[$0.code]?.value }
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    /// The class (0…4) of a value among the county values' `range` (computed once per map, not per value).
    func colourClass(_ value: Double, in range: (low: Double, high: Double)?) -> Int {
        guard let range, range.high > range.low else { return 2 }
        return min(Int((value - range.low) / (range.high - range.low) * 5), 4)
    }

    var svg: String {
        let top = 48.0
        let width = map.width + Self.legendWidth
        let height = max(map.height + top + 10, 420)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        out += " width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" class=\"map\">"
        out += "<title>\(esc(CountySummary.label(definition, language)))</title>"
        out += "<text x=\"8\" y=\"30\" font-size=\"28\" font-weight=\"700\" fill=\"#1a202c\">\(esc(caption))</text>"
        out += "<g transform=\"translate(0 \(n(top)))\" stroke=\"#fff\" stroke-width=\"0.8\" stroke-linejoin=\"round\">"
        var outlines = ""
        let range = self.range, palette = self.palette
        for county in map.counties {
            let figure = figures[county.code]
            let fill = figure?.value.map { palette[colourClass($0, in: range)] } ?? Self.noDataColor
            let value =
                figure.map { $0.value == nil ? language.pick("无数据", "no data") : $0.text }
                ?? language.pick("不在今晚数据中", "not in tonight's figures")
            let status = figure?.missed == true ? language.pick("（未达标）", " (missed)") : ""
            out +=
                "<g><title>\(esc(county.name + " " + county.code + language.pick("：", ": ") + value + status))</title>"
            out += "<use href=\"#\(Self.outlineID(county.code))\" fill=\"\(fill)\"/></g>"
            if figure?.missed == true {
                outlines += "<use href=\"#\(Self.outlineID(county.code))\"/>"
            }
        }
        out += "</g>"
        if !outlines.isEmpty {
            out +=
                "<g transform=\"translate(0 \(n(top)))\" fill=\"none\" stroke=\"\(ReportStyle.missedColor)\" stroke-width=\"2.6\""
            out += " stroke-linejoin=\"round\" pointer-events=\"none\">\(outlines)</g>"
        }
        out += legend(x: map.width + 16, y: top + 10)
        out += "</svg>"
        return out
    }

    /// Classes from the best down, the target, the outline and "no data".
    private func legend(x: Double, y: Double) -> String {
        var out = "<g font-size=\"22\" fill=\"#1a202c\">"
        var line = y
        let title =
            language.pick("县级数值（", "County values (") + UnitText.words(definition, language) + language.pick("）", ")")
        out += "<text x=\"\(n(x))\" y=\"\(n(line))\" font-weight=\"700\">\(esc(title))</text>"
        line += 18
        if let range, !definition.isRatio, range.high - range.low < 5 {
            // Few distinct counts: one swatch per count.
            for count in stride(from: range.high.rounded(), through: range.low.rounded(), by: -1) {
                out +=
                    "<rect x=\"\(n(x))\" y=\"\(n(line))\" width=\"36\" height=\"26\" fill=\"\(palette[colourClass(count, in: range)])\" stroke=\"#a0aec0\"/>"
                out +=
                    "<text x=\"\(n(x + 46))\" y=\"\(n(line + 21))\">\(esc(FigureText.tick(count, definition)))</text>"
                line += 34
            }
        } else if let range {
            for index in (0..<5).reversed() {
                let low = range.low + (range.high - range.low) * Double(index) / 5
                let high = range.low + (range.high - range.low) * Double(index + 1) / 5
                let text =
                    range.high > range.low
                    ? FigureText.tick(low, definition) + " – " + FigureText.tick(high, definition)
                    : FigureText.tick(range.low, definition)
                out +=
                    "<rect x=\"\(n(x))\" y=\"\(n(line))\" width=\"36\" height=\"26\" fill=\"\(palette[index])\" stroke=\"#a0aec0\"/>"
                out += "<text x=\"\(n(x + 46))\" y=\"\(n(line + 21))\">\(esc(text))</text>"
                line += 34
                if range.high <= range.low { break }
            }
        }
        out +=
            "<rect x=\"\(n(x))\" y=\"\(n(line))\" width=\"36\" height=\"26\" fill=\"\(Self.noDataColor)\" stroke=\"#a0aec0\"/>"
        out += "<text x=\"\(n(x + 46))\" y=\"\(n(line + 21))\">\(esc(language.pick("无数据", "no data")))</text>"
        line += 44
        if let target = definition.target {
            let missed = map.counties.filter { figures[$0.code]?.missed == true }.count
            out += "<text x=\"\(n(x))\" y=\"\(n(line + 21))\" font-weight=\"700\" fill=\"\(ReportStyle.targetColor)\">"
            out += esc(language.pick("目标 ", "target ") + FigureText.target(target, definition)) + "</text>"
            line += 36
            out += "<rect x=\"\(n(x + 2))\" y=\"\(n(line + 2))\" width=\"32\" height=\"22\" fill=\"#fff\""
            out += " stroke=\"\(ReportStyle.missedColor)\" stroke-width=\"2.6\"/>"
            out += "<text x=\"\(n(x + 46))\" y=\"\(n(line + 21))\">"
            out += esc(language.pick("未达标（\(missed) 个县）", "missed (\(missed) counties)")) + "</text>"
        }
        return out + "</g>"
    }

    /// The page-wide id of a county's outline (see `outlines(_:)`).
    static func outlineID(_ code: String) -> String { "county-" + MarkupText.escape(code) }

    /// Every county's outline, once per page, for the maps to reuse (`<use>`):
    /// the page then carries the boundaries once, not once per indicator.
    static func outlines(_ map: CountyMap) -> String {
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" class=\"outlines\" aria-hidden=\"true\"><defs>"
        for county in map.counties {
            out += "<path id=\"\(outlineID(county.code))\" d=\"\(county.path)\"/>"
        }
        return out + "</defs></svg>"
    }

    private func esc(_ text: String) -> String { MarkupText.escape(text) }
    private func n(_ value: Double) -> String { BarChart.number(value) }
}
