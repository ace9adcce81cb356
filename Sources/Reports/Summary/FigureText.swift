import Engine

/// How a figure reads in the meeting outputs: counts as integers, rates as
/// percentages with two fewer decimals than the catalogue's (0.9934 → `99.34%`),
/// ratios (`unit: ratio`) as plain numbers with the catalogue's decimals.
enum FigureText {
    /// The figure as text; empty when the denominator is 0.
    static func text(numerator: Int64, denominator: Int64, _ definition: IndicatorDefinition) -> String {
        guard definition.isRatio else { return String(numerator) }
        guard denominator != 0 else { return "" }
        if isPlainRatio(definition) {
            return ExactDecimal.ratio(numerator, denominator, decimals: definition.decimals)
        }
        return ExactDecimal.ratio(numerator * 100, denominator, decimals: percentDecimals(definition)) + "%"
    }

    /// A value (a count, or a fraction) as text, for values that come from history.
    static func text(value: Double, _ definition: IndicatorDefinition) -> String {
        guard isPrintable(value) else { return "" }
        guard definition.isRatio else { return String(Int64(value.rounded())) }
        if isPlainRatio(definition) { return fixed(value, decimals: definition.decimals) }
        return fixed(value * 100, decimals: percentDecimals(definition)) + "%"
    }

    /// A value on a chart axis: whole numbers for counts, whole percentages
    /// for rates, up to two decimals for ratios.
    static func tick(_ value: Double, _ definition: IndicatorDefinition) -> String {
        guard isPrintable(value) else { return "" }
        guard definition.isRatio else { return String(Int64(value.rounded())) }
        let text = isPlainRatio(definition) ? fixed(value, decimals: 2) : fixed(value * 100, decimals: 1)
        let trimmed = text.contains(".") ? String(text.reversed().drop { $0 == "0" }.reversed()) : text
        let number = trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
        return isPlainRatio(definition) ? number : number + "%"
    }

    /// A change between two values, with its sign: percentage points for rates.
    static func change(_ delta: Double, _ definition: IndicatorDefinition, _ language: ReportLanguage) -> String {
        guard isPrintable(delta) else { return "" }
        let sign = delta > 0 ? "+" : (delta < 0 ? "−" : "±")
        let magnitude = abs(delta)
        guard definition.isRatio else { return sign + String(Int64(magnitude.rounded())) }
        if isPlainRatio(definition) { return sign + fixed(magnitude, decimals: definition.decimals) }
        return sign + fixed(magnitude * 100, decimals: percentDecimals(definition)) + language.pick(" 个百分点", " pp")
    }

    /// A target as text: `≥ 99.00%`, `= 0`.
    static func target(_ target: Target, _ definition: IndicatorDefinition) -> String {
        let symbol: String
        switch target.comparison {
        case .atLeast: symbol = "≥"
        case .atMost: symbol = "≤"
        case .equal: symbol = "="
        }
        return symbol + " " + text(value: target.value, definition)
    }

    /// Whether a value can be printed (finite, and small enough to round to whole numbers).
    static func isPrintable(_ value: Double) -> Bool { value.isFinite && abs(value) < 1e15 }

    /// Whether the indicator is shown as a plain ratio rather than a percentage.
    static func isPlainRatio(_ definition: IndicatorDefinition) -> Bool { definition.unit == "ratio" }

    static func percentDecimals(_ definition: IndicatorDefinition) -> Int { max(0, definition.decimals - 2) }

    /// `value` rounded half away from zero to `decimals` places.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard isPrintable(value) else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let negative = value < 0 && scaled != 0
        let whole = String(scaled / Int64(scale))
        guard decimals > 0 else { return (negative ? "-" : "") + whole }
        let fraction = String(scaled % Int64(scale))
        return (negative ? "-" : "") + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
