import Engine

/// A horizontal bar chart of one indicator over the counties, as inline SVG:
/// bars from zero, sorted so the counties furthest from the target come
/// first, the target drawn as a dashed line, axis labelled with the unit.
struct BarChart {
    struct Bar {
        let code: String
        let label: String
        let value: Double?
        let text: String
        let missed: Bool
    }

    let definition: IndicatorDefinition
    let bars: [Bar]
    let language: ReportLanguage
    /// The heading drawn at the top of the chart (inside the SVG, so a printed chart keeps it).
    let caption: String
    /// The axis: its end and the step between ticks.
    let axis: (maximum: Double, step: Double)
    /// Width of the label column.
    let left: Double
    /// Width of the whole chart.
    let width: Double

    init(definition: IndicatorDefinition, bars: [Bar], language: ReportLanguage, caption: String, width: Double = 960) {
        self.width = width
        self.definition = definition
        self.bars = bars
        self.language = language
        self.caption = caption
        axis = Self.axis(definition, bars)
        let widest = bars.map { Double(TextWidth.cells($0.label)) }.max() ?? 8
        left = min(max(widest * 7.2 + 16, 90), 260)
    }

    static let rowHeight = 19.0
    static let barHeight = 13.0
    static let top = 64.0
    static let bottom = 52.0
    static let valueSpace = 110.0

    /// Bars in reading order: for an "at least" target the lowest first, otherwise the highest first; undefined last.
    static func sorted(_ bars: [Bar], target: Target?) -> [Bar] {
        let ascending = target?.comparison == .atLeast
        return bars.sorted { a, b in
            switch (a.value, b.value) {
            case let (x?, y?) where x != y: return ascending ? x < y : x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.code < b.code
            }
        }
    }

    /// The axis: its end and the step between ticks. Rates up to 1 run 0–100 % in steps of 20 %;
    /// otherwise the step is 1, 2 or 5 × 10ⁿ (whole for counts), about a fifth of the largest value or target.
    static func axis(_ definition: IndicatorDefinition, _ bars: [Bar]) -> (maximum: Double, step: Double) {
        let largest = ([definition.target?.value ?? 0] + bars.compactMap(\.value)).max() ?? 0
        if definition.isRatio && !FigureText.isPlainRatio(definition) && largest <= 1 { return (1, 0.2) }
        let step = Self.roundStep(largest / 5, whole: !definition.isRatio)
        return (max((largest / step).rounded(.up), 1) * step, step)
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1 when `whole`).
    static func roundStep(_ value: Double, whole: Bool) -> Double {
        guard value > 0 else { return whole ? 1 : 0.2 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= value - 1e-12 } ?? magnitude * 10
        return whole ? max(step, 1) : step
    }

    private var plotWidth: Double { width - left - Self.valueSpace }
    private var plotBottom: Double { Self.top + Double(bars.count) * Self.rowHeight }

    /// The x coordinate of a value.
    private func x(_ value: Double) -> Double { left + plotWidth * min(max(value / axis.maximum, 0), 1) }

    var svg: String {
        let height = plotBottom + Self.bottom
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        out += " width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" class=\"bars\">"
        out += "<title>\(MarkupText.escape(CountySummary.label(definition, language)))</title>"
        out += "<text x=\"8\" y=\"24\" font-size=\"19\" font-weight=\"700\" fill=\"#1a202c\">\(MarkupText.escape(caption))</text>"
        out += gridSVG + targetSVG + barsSVG
        out += "<line x1=\"\(Self.number(left))\" y1=\"\(Self.number(Self.top - 4))\" x2=\"\(Self.number(left))\""
        out += " y2=\"\(Self.number(plotBottom))\" stroke=\"#1a202c\" stroke-width=\"1.5\"/>"
        out += "<text x=\"\(Self.number(left + plotWidth / 2))\" y=\"\(Self.number(height - 10))\" font-size=\"14\""
        out += " text-anchor=\"middle\" fill=\"#1a202c\">" + MarkupText.escape(axisTitle) + "</text>"
        out += "</svg>"
        return out
    }

    /// Vertical grid lines with the tick values under the plot.
    private var gridSVG: String {
        let (maximum, step) = axis
        var out = ""
        for tick in 0...Int((maximum / step).rounded()) {
            let value = step * Double(tick)
            let position = Self.number(x(value))
            out += "<line x1=\"\(position)\" y1=\"\(Self.number(Self.top - 4))\" x2=\"\(position)\" y2=\"\(Self.number(plotBottom))\""
            out += " stroke=\"\(ReportStyle.gridColor)\" stroke-width=\"1\"/>"
            out += "<text x=\"\(position)\" y=\"\(Self.number(plotBottom + 16))\" font-size=\"12\" text-anchor=\"middle\""
            out += " fill=\"#4a5568\">\(MarkupText.escape(FigureText.tick(value, definition)))</text>"
        }
        return out
    }

    /// The target as a dashed line with its label above the plot (drawn under the bars' labels).
    private var targetSVG: String {
        guard let target = definition.target else { return "" }
        let position = Self.number(x(target.value))
        var out = "<line x1=\"\(position)\" y1=\"\(Self.number(Self.top - 10))\" x2=\"\(position)\""
        out += " y2=\"\(Self.number(plotBottom))\" stroke=\"\(ReportStyle.targetColor)\" stroke-width=\"2\""
        out += " stroke-dasharray=\"6 4\"/>"
        let anchor = target.value / axis.maximum > 0.7 ? "end" : "start"
        out += "<text x=\"\(position)\" y=\"\(Self.number(Self.top - 14))\" font-size=\"13\" text-anchor=\"\(anchor)\""
        out += " fill=\"\(ReportStyle.targetColor)\" font-weight=\"700\">"
        out += MarkupText.escape(language.pick("目标 ", "target ") + FigureText.target(target, definition)) + "</text>"
        return out
    }

    /// One row per county: its name, its bar from zero, its value (with a white halo over the grid and target).
    private var barsSVG: String {
        var out = ""
        for (row, bar) in bars.enumerated() {
            let y = Self.top + Double(row) * Self.rowHeight
            let middle = Self.number(y + Self.rowHeight / 2 + 4)
            out += "<text x=\"\(Self.number(left - 6))\" y=\"\(middle)\" font-size=\"12.5\" text-anchor=\"end\" fill=\"#1a202c\">"
            out += MarkupText.escape(bar.label) + "</text>"
            guard let value = bar.value else {
                out += "<text x=\"\(Self.number(left + 4))\" y=\"\(middle)\" font-size=\"12\" fill=\"#718096\">"
                out += language.pick("无数据", "no data") + "</text>"
                continue
            }
            let end = x(value)
            let color = bar.missed ? ReportStyle.missedColor
                : (definition.target == nil ? ReportStyle.neutralColor : ReportStyle.metColor)
            out += "<rect x=\"\(Self.number(left))\" y=\"\(Self.number(y + (Self.rowHeight - Self.barHeight) / 2))\""
            out += " width=\"\(Self.number(max(end - left, 0)))\" height=\"\(Self.number(Self.barHeight))\" fill=\"\(color)\"/>"
            out += "<text x=\"\(Self.number(end + 4))\" y=\"\(middle)\" font-size=\"12\" stroke=\"#fff\" stroke-width=\"3\""
            out += " paint-order=\"stroke\" fill=\"\(bar.missed ? ReportStyle.missedColor : "#1a202c")\">"
            out += MarkupText.escape(bar.text + (bar.missed ? CountySummary.missedMark : "")) + "</text>"
        }
        return out
    }

    /// The axis title: the indicator's label and its unit in words.
    var axisTitle: String {
        CountySummary.label(definition, language) + language.pick("（", " (") + UnitText.words(definition, language)
            + language.pick("）", ")")
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String { FigureText.fixed(value, decimals: 1) }
}

/// An indicator's unit in words.
enum UnitText {
    static func words(_ definition: IndicatorDefinition, _ language: ReportLanguage) -> String {
        switch definition.unit {
        case "persons": return language.pick("人", "persons")
        case "households": return language.pick("户", "households")
        case "ratio": return language.pick("比值", "ratio")
        default: return definition.isRatio ? "%" : definition.unit
        }
    }
}
