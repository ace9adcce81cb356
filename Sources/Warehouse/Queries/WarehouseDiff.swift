import Engine

/// What changed between the published figures of two dates.
public struct WarehouseDiff: Sendable {
    /// An area whose figure crossed its indicator's target.
    public struct TargetChange: Sendable, Equatable {
        public let level: RollupLevel
        public let code: String
        public let name: String
        public let indicator: String
        /// The target as the later date's run defines it.
        public let target: Target
        public let fromText: String
        public let toText: String
    }

    /// A county whose figure moved most for one indicator.
    public struct Mover: Sendable, Equatable {
        public let indicator: String
        /// 1 for the biggest move of the indicator.
        public let rank: Int
        public let code: String
        public let name: String
        public let fromText: String
        public let toText: String
        /// Signed change: of the value for ratios, of the numerator for counts.
        public let change: Double
        /// The change as text, signed, with the indicator's decimals (`+0.0123`, `-4`).
        public let changeText: String
    }

    /// A (feed, reason) with quarantined rows on one date and none on the other.
    public struct QuarantineChange: Sendable, Equatable {
        /// Feed name as stored (`persons`, `medical_insurance`, …).
        public let feed: String
        public let reason: String
        public let fromRows: Int
        public let toRows: Int
        /// True when the reason is new on the later date, false when it vanished.
        public var appeared: Bool { fromRows == 0 }
    }

    public let from: String
    public let to: String
    public let fromRunID: Int64
    public let toRunID: Int64
    /// Met on `from`, missed on `to`; by level, catalogue order, then code.
    public let newlyMissed: [TargetChange]
    /// Missed on `from`, met on `to`; same order.
    public let newlyMet: [TargetChange]
    /// Up to a few counties per indicator, in catalogue order then rank.
    public let movers: [Mover]
    /// Reasons that appeared or vanished, by feed then reason (contract order).
    public let quarantineChanges: [QuarantineChange]
    /// The county alerts of `to`, each marked new when `from` did not have it (same county, alert and indicator).
    public var alerts: [(alert: CountyAlert, isNew: Bool)] = []
}
