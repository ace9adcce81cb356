/// What the alerts need from earlier nights, read from the warehouse.
public struct AlertHistory: Sendable {
    /// `night_new_inclusions` of earlier nights that have a value, by county code, by date ascending.
    public var inclusions: [String: [(day: Int32, value: Int64)]]
    /// The watched indicators' values on the latest earlier nights (at most `outlier_nights`), by indicator then county.
    public var values: [String: [String: [Double]]]

    public init(inclusions: [String: [(day: Int32, value: Int64)]] = [:], values: [String: [String: [Double]]] = [:]) {
        self.inclusions = inclusions
        self.values = values
    }
}

/// Medians and the modified z-score.
enum RobustStatistics {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Iglewicz and Hoaglin's modified z-score of `value` against `baseline`:
    /// 0.6745 × (value − median) / MAD; nil when the MAD is 0 (half the nights equal).
    static func modifiedZ(_ value: Double, baseline: [Double]) -> (z: Double, median: Double, mad: Double)? {
        let center = median(baseline)
        let mad = median(baseline.map { abs($0 - center) })
        guard mad > 0 else { return nil }
        return (0.6745 * (value - center) / mad, center, mad)
    }
}
