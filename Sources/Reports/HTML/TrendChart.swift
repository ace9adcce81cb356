import Engine

/// A small line of the province's value over the nights, as inline SVG, with
/// the target as a dashed line and the first and last nights labelled.
struct TrendChart {
    let definition: IndicatorDefinition
    /// Oldest first.
    let points: [HistoryPoint]

    static let width = 280.0
    static let height = 84.0
    static let left = 6.0
    static let right = 6.0
    static let top = 10.0
    static let bottom = 20.0

    var svg: String {
        let values = points.map(\.value) + [definition.target?.value].compactMap { $0 }
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-9 {
            low -= 0.5 * max(abs(low), 1e-3)
            high += 0.5 * max(abs(high), 1e-3)
        }
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            points.count <= 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - low) / (high - low)) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\""
        out += " width=\"\(n(Self.width))\" height=\"\(n(Self.height))\" role=\"img\" class=\"trend\">"
        out += "<title>\(MarkupText.escape(definition.labelEN))</title>"
        if let target = definition.target {
            out += "<line x1=\"\(n(Self.left))\" y1=\"\(n(y(target.value)))\" x2=\"\(n(Self.width - Self.right))\""
            out += " y2=\"\(n(y(target.value)))\" stroke=\"\(ReportStyle.targetColor)\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
        }
        let coordinates = points.indices.map { "\(n(x($0))),\(n(y(points[$0].value)))" }
        out += "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"\(ReportStyle.metColor)\""
        out += " stroke-width=\"2.5\" stroke-linejoin=\"round\"/>"
        for (index, point) in points.enumerated() {
            let missed = definition.target.map { !$0.isMet(by: point.value) } ?? false
            let color = missed ? ReportStyle.missedColor : ReportStyle.metColor
            out += "<circle cx=\"\(n(x(index)))\" cy=\"\(n(y(point.value)))\" r=\"3\" fill=\"\(color)\"/>"
        }
        if let first = points.first, let last = points.last {
            let baseline = n(Self.height - 4)
            out += "<text x=\"\(n(Self.left))\" y=\"\(baseline)\" font-size=\"11\" fill=\"#4a5568\">"
            out += MarkupText.escape(first.date) + "</text>"
            if points.count > 1 {
                out += "<text x=\"\(n(Self.width - Self.right))\" y=\"\(baseline)\" font-size=\"11\" text-anchor=\"end\""
                out += " fill=\"#4a5568\">" + MarkupText.escape(last.date) + "</text>"
            }
        }
        out += "</svg>"
        return out
    }

    private func n(_ value: Double) -> String { BarChart.number(value) }
}
