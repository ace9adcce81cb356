import Engine

/// The published figures of one indicator over time, for one level.
public struct IndicatorHistory: Sendable {
    /// One area's figure on one date.
    public struct Point: Sendable, Equatable {
        public let date: String
        public let code: String
        public let name: String
        public let numerator: Int64
        /// Nil for counts.
        public let denominator: Int64?
        /// Nil when the denominator is 0.
        public let value: Double?
        /// The value exactly as `indicators.csv` printed it (empty when undefined).
        public let valueText: String
    }

    /// An area that has figures in the history.
    public struct AreaName: Sendable, Equatable {
        public let code: String
        /// Its name on the latest date it appears.
        public let name: String
    }

    public let indicator: String
    public let labelZH: String
    public let labelEN: String
    public let unit: String
    public let isRatio: Bool
    public let level: RollupLevel
    /// Dates with figures, oldest first.
    public let dates: [String]
    /// Areas by code.
    public let areas: [AreaName]
    /// Figures by date, then area code.
    public let points: [Point]

    /// The figure of an area on a date, if published.
    public func point(date: String, code: String) -> Point? {
        points.first { $0.date == date && $0.code == code }
    }
}
