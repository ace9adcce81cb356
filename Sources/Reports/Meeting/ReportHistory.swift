import Engine

/// One night's value of an indicator.
public struct HistoryPoint: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var value: Double

    public init(date: String, value: Double) {
        self.date = date
        self.value = value
    }
}

/// The province's value of one headline indicator over earlier nights.
public struct IndicatorTrend: Sendable, Equatable {
    public var indicatorID: String
    /// Oldest first. Tonight's value is added by the report when the last point is not tonight.
    public var points: [HistoryPoint]

    public init(indicatorID: String, points: [HistoryPoint]) {
        self.indicatorID = indicatorID
        self.points = points
    }
}

/// An area whose indicator crossed its target since the previous night.
public struct TargetChange: Sendable, Equatable {
    public var indicatorID: String
    public var level: RollupLevel
    public var code: String
    public var name: String
    public var previous: Double
    public var current: Double
    /// True when the target is met tonight and was missed the night before; false for the reverse.
    public var nowMet: Bool

    public init(indicatorID: String, level: RollupLevel, code: String, name: String, previous: Double,
                current: Double, nowMet: Bool) {
        self.indicatorID = indicatorID
        self.level = level
        self.code = code
        self.name = name
        self.previous = previous
        self.current = current
        self.nowMet = nowMet
    }
}

/// A county whose headline indicator moved since the previous night.
public struct CountyMove: Sendable, Equatable {
    public var indicatorID: String
    public var code: String
    public var name: String
    public var previous: Double
    public var current: Double

    public init(indicatorID: String, code: String, name: String, previous: Double, current: Double) {
        self.indicatorID = indicatorID
        self.code = code
        self.name = name
        self.previous = previous
        self.current = current
    }

    /// Tonight's value minus the previous night's.
    public var change: Double { current - previous }
}

/// What the report shows about earlier nights: a trend per headline
/// indicator and what changed since the previous night.
public struct ReportHistory: Sendable {
    public var trends: [IndicatorTrend]
    /// The night the changes compare with, `YYYY-MM-DD`.
    public var previousDate: String?
    /// Province and counties that newly met or newly missed a target, by indicator (catalogue order) then code.
    public var targetChanges: [TargetChange]
    /// The largest county moves per headline indicator, largest first.
    public var countyMovers: [CountyMove]
    /// The headline indicators by province and county over the last nights, for the workbook.
    public var areaTrends = AreaTrends()

    public init(trends: [IndicatorTrend], previousDate: String?, targetChanges: [TargetChange],
                countyMovers: [CountyMove]) {
        self.trends = trends
        self.previousDate = previousDate
        self.targetChanges = targetChanges
        self.countyMovers = countyMovers
    }
}
