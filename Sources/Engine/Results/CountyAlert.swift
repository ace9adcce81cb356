/// One alert for a county, with the numbers that fired it (`alerts.csv`, the
/// warehouse's `alerts` table, `diff` and the report's first section).
public struct CountyAlert: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// New inclusions over the last days well above the county's own earlier windows.
        case inclusionSurge = "inclusion_surge"
        /// A watched indicator far from the county's own recent nights (modified z-score).
        case outlier
        /// Eliminated households at risk again or showing a hard signal (返贫).
        case `return`
        /// Clues pending past the settlement deadline.
        case overdueClues = "overdue_clues"
    }

    public let countyCode: String
    public let countyName: String
    public let kind: Kind
    /// The figure that fired (households, or a modified z-score), as printed.
    public let value: String
    /// What it was compared with, as printed.
    public let threshold: String
    /// The alert in words, naming its numbers.
    public let reason: String
    /// The indicator an outlier is about (empty for the other alerts).
    public let indicator: String
    /// Inclusion surges: the last window's new inclusions per 10,000 members (so counties compare).
    public let perTenThousand: Double?

    public init(countyCode: String, countyName: String, kind: Kind, value: String, threshold: String, reason: String,
                indicator: String = "", perTenThousand: Double? = nil) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.kind = kind
        self.value = value
        self.threshold = threshold
        self.reason = reason
        self.indicator = indicator
        self.perTenThousand = perTenThousand
    }
}

/// Tonight's early warning as the outputs show it.
public struct EarlyWarningSummary: Sendable {
    /// Alerts by county code, then kind (in `Kind` order), then indicator.
    public var alerts: [CountyAlert]
    /// The night the flows compare with (`YYYY-MM-DD`), nil when there is none (the first night).
    public var comparedWith: String?
    /// Said in run.json and the report when the flows have no earlier night (or there is no warehouse).
    public var note: String?

    public init(alerts: [CountyAlert], comparedWith: String?, note: String?) {
        self.alerts = alerts
        self.comparedWith = comparedWith
        self.note = note
    }
}
