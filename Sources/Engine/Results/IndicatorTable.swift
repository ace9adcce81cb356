/// Every indicator for every area: numerators and denominators as exact
/// integers; values are divided once, at the end.
public struct IndicatorTable: Sendable {
    public let indicators: [IndicatorDefinition]
    /// Areas in output order: province, prefectures, counties, townships, villages, each by code.
    public let areas: [Area]
    /// `numerators[area * indicators.count + indicator]`.
    public let numerators: [Int64]
    /// Same layout; unused (0) for counts.
    public let denominators: [Int64]
    /// Indicators with no value tonight (flows on a night with no earlier night to compare with):
    /// their numerator and value are printed empty and stored as NULL values.
    public var unavailable: Set<Int> = []

    public init(indicators: [IndicatorDefinition], areas: [Area], numerators: [Int64], denominators: [Int64]) {
        precondition(numerators.count == areas.count * indicators.count && denominators.count == numerators.count)
        self.indicators = indicators
        self.areas = areas
        self.numerators = numerators
        self.denominators = denominators
    }

    public func numerator(area: Int, indicator: Int) -> Int64 { numerators[area * indicators.count + indicator] }
    public func denominator(area: Int, indicator: Int) -> Int64 { denominators[area * indicators.count + indicator] }

    /// The value: the count for counts, numerator / denominator for ratios (nil when the denominator is 0).
    public func value(area: Int, indicator: Int) -> Double? {
        guard !unavailable.contains(indicator) else { return nil }
        let numerator = self.numerator(area: area, indicator: indicator)
        guard indicators[indicator].isRatio else { return Double(numerator) }
        let denominator = self.denominator(area: area, indicator: indicator)
        return denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    /// The value as printed in `indicators.csv`: counts as integers, ratios
    /// rounded half up to the indicator's decimals, empty when undefined.
    public func formattedValue(area: Int, indicator: Int) -> String {
        guard !unavailable.contains(indicator) else { return "" }
        let numerator = self.numerator(area: area, indicator: indicator)
        let definition = indicators[indicator]
        guard definition.isRatio else { return String(numerator) }
        let denominator = self.denominator(area: area, indicator: indicator)
        guard denominator != 0 else { return "" }
        return ExactDecimal.ratio(numerator, denominator, decimals: definition.decimals)
    }

    /// The table with `more` indicators (counts) after its own: `counts[area * more.count + k]`.
    /// - Parameter unavailable: positions in `more` that have no value tonight.
    public func appending(_ more: [IndicatorDefinition], counts: [Int64], unavailable extra: Set<Int> = []) -> IndicatorTable {
        precondition(counts.count == areas.count * more.count)
        let width = indicators.count + more.count
        var newNumerators = [Int64](repeating: 0, count: areas.count * width)
        var newDenominators = newNumerators
        for area in areas.indices {
            for k in 0..<indicators.count {
                newNumerators[area * width + k] = numerators[area * indicators.count + k]
                newDenominators[area * width + k] = denominators[area * indicators.count + k]
            }
            for k in 0..<more.count { newNumerators[area * width + indicators.count + k] = counts[area * more.count + k] }
        }
        var table = IndicatorTable(indicators: indicators + more, areas: areas, numerators: newNumerators,
                                   denominators: newDenominators)
        table.unavailable = unavailable.union(extra.map { indicators.count + $0 })
        return table
    }

    /// Index of an indicator by id.
    public func indicatorIndex(_ id: String) -> Int? { indicators.firstIndex { $0.id == id } }

    /// Positions of the areas of one level, in output order.
    public func areaIndices(at level: RollupLevel) -> [Int] { areas.indices.filter { areas[$0].level == level } }
}

/// Decimal text of exact ratios.
public enum ExactDecimal {
    /// `numerator / denominator` rounded half up to `decimals` places, in integer arithmetic.
    public static func ratio(_ numerator: Int64, _ denominator: Int64, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        let n = numerator.magnitude, d = denominator.magnitude
        let scaled = (n * UInt64(scale) * 2 + d) / (2 * d)
        let whole = scaled / UInt64(scale)
        var text = (negative ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(scaled % UInt64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }
}
