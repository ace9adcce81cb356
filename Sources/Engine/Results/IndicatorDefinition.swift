/// The rows an indicator counts over.
public enum Entity: String, Sendable {
    case person
    case household
}

/// A target an indicator's value should meet, such as `>= 0.99` or `= 0`.
public struct Target: Sendable, Equatable, CustomStringConvertible {
    public enum Comparison: String, Sendable {
        case atLeast = ">="
        case atMost = "<="
        case equal = "="
    }

    public let comparison: Comparison
    public let value: Double

    public init(comparison: Comparison, value: Double) {
        self.comparison = comparison
        self.value = value
    }

    /// Whether `value` meets the target.
    public func isMet(by value: Double) -> Bool {
        switch comparison {
        case .atLeast: return value >= self.value - 1e-12
        case .atMost: return value <= self.value + 1e-12
        case .equal: return abs(value - self.value) < 1e-12
        }
    }

    public var description: String { "\(comparison.rawValue) \(Self.trimmed(value))" }

    static func trimmed(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(value)
    }
}

/// One indicator of the pipeline file, as the statistician defined it.
public struct IndicatorDefinition: Sendable {
    public let id: String
    public let labelZH: String
    public let labelEN: String
    public let entity: Entity
    /// Expression text of the numerator (a condition counts rows, a number is summed).
    public let numerator: String
    /// Expression text of the denominator; nil for a count.
    public let denominator: String?
    /// Unit in words (`persons`, `households`, `rate`, `ratio`).
    public let unit: String
    /// Decimals of the value for a rate or ratio.
    public let decimals: Int
    public let target: Target?
    /// Shown as a column of the county summary.
    public let inSummary: Bool
    /// A headline indicator: charted in the report.
    public let isKey: Bool
    /// For one value of a breakdown (`by:`), which indicator, field and value it is; nil otherwise.
    public let breakdown: Breakdown?

    public init(id: String, labelZH: String, labelEN: String, entity: Entity, numerator: String, denominator: String?,
                unit: String, decimals: Int, target: Target?, inSummary: Bool, isKey: Bool, breakdown: Breakdown? = nil) {
        self.id = id
        self.labelZH = labelZH
        self.labelEN = labelEN
        self.entity = entity
        self.numerator = numerator
        self.denominator = denominator
        self.unit = unit
        self.decimals = decimals
        self.target = target
        self.inSummary = inSummary
        self.isKey = isKey
        self.breakdown = breakdown
    }

    /// Whether the indicator is a rate or ratio (it has a denominator).
    public var isRatio: Bool { denominator != nil }
}

/// One value of an indicator broken down by a field (`by:` in the pipeline):
/// the row `indicator.value` counts the indicator's rows whose field holds `value`.
public struct Breakdown: Sendable, Equatable {
    /// Id of the indicator as written in the pipeline (`monitored_by_type`).
    public let indicator: String
    /// The field it is broken down by (`monitoring_type`).
    public let field: String
    /// The contract word (`unstable`).
    public let value: String
    /// How the value reads in Chinese (the pipeline's `by_labels`, else the word).
    public let valueLabelZH: String
    /// A set field (a row may hold several values, so values may add up to more than the total).
    public let isSet: Bool

    public init(indicator: String, field: String, value: String, valueLabelZH: String, isSet: Bool) {
        self.indicator = indicator
        self.field = field
        self.value = value
        self.valueLabelZH = valueLabelZH
        self.isSet = isSet
    }
}
