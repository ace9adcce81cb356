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

    public init(id: String, labelZH: String, labelEN: String, entity: Entity, numerator: String, denominator: String?,
                unit: String, decimals: Int, target: Target?, inSummary: Bool, isKey: Bool) {
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
    }

    /// Whether the indicator is a rate or ratio (it has a denominator).
    public var isRatio: Bool { denominator != nil }
}
