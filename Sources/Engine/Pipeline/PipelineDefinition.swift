import Ingest

/// An expression written in the pipeline file, with where its text starts.
public struct ExpressionText: Sendable, Equatable {
    public let text: String
    /// Location of the first character of `text`.
    public let location: SourceLocation
    /// For text that spans lines (a YAML block), the column where continuation lines start.
    public let continuationColumn: Int?

    public init(text: String, location: SourceLocation, continuationColumn: Int? = nil) {
        self.text = text
        self.location = location
        self.continuationColumn = continuationColumn
    }

    /// File location of a character offset (in UTF-8 bytes) into `text`.
    func location(ofOffset offset: Int) -> SourceLocation {
        var line = location.line
        var column = location.column
        var seen = 0
        for scalar in text.unicodeScalars {
            if seen >= offset { break }
            seen += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = continuationColumn ?? 1
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}

/// A field computed from other fields, defined in the pipeline file.
public struct DerivedFieldDefinition: Sendable {
    public let entity: Entity
    public let name: String
    public let expression: ExpressionText
}

/// An indicator as written in the pipeline file.
public struct IndicatorSpecification: Sendable {
    public let definition: IndicatorDefinition
    public let numerator: ExpressionText
    public let denominator: ExpressionText?
    /// The field it is broken down by, if any (`by:`).
    public let by: BreakdownSpecification?
}

/// `by: FIELD` on an indicator, with optional Chinese names of the field's values.
public struct BreakdownSpecification: Sendable {
    /// The field's name, where it is written.
    public let field: ExpressionText
    /// `by_labels`: value word → Chinese label, each with where its key is written.
    public let labelsZH: [(value: String, label: String, location: SourceLocation)]
}

/// A named set of counties (`groups:`): its figures are the sums over its counties.
public struct GroupSpecification: Sendable {
    /// The group's code in the outputs (`key_counties`).
    public let id: String
    public let name: String
    /// The `regions.csv` flag column whose counties with 1 belong to the group (`key_county`).
    public let countyFlag: String
}

/// A compliance list (`lists:`): the households an indicator counts, or those
/// of its denominator it does not count, with the reasons that fired.
public struct HouseholdListSpecification: Sendable {
    public enum Selection: String, Sendable {
        /// The households in the numerator.
        case numerator
        /// The households in the denominator but not in the numerator.
        case denominatorNotNumerator = "denominator_not_numerator"
    }

    /// File-name id (`omitted` → `lists/omitted/<county>.csv`).
    public let id: String
    public let labelZH: String
    public let labelEN: String
    public let indicator: String
    public let indicatorLocation: SourceLocation
    public let selection: Selection
    public let reasons: [ClueSignalSpecification]
}

/// One dimension of the evaluation panel (`evaluation:`): a name and the indicators judged against their targets.
public struct EvaluationDimension: Sendable, Equatable {
    public let id: String
    public let labelZH: String
    public let labelEN: String
    /// Indicator ids, in the order shown.
    public let indicators: [String]

    public init(id: String, labelZH: String, labelEN: String, indicators: [String]) {
        self.id = id
        self.labelZH = labelZH
        self.labelEN = labelEN
        self.indicators = indicators
    }
}

/// One signal of the clue list: a household condition shown beside each clue household.
public struct ClueSignalSpecification: Sendable {
    public let signal: ClueSignal
    public let condition: ExpressionText
}

/// The households a clue list names: those counted by `indicator`.
public struct ClueSpecification: Sendable {
    public let indicator: String
    public let indicatorLocation: SourceLocation
    public let signals: [ClueSignalSpecification]
}

/// A numeric parameter of the pipeline, kept as written so money stays exact.
public struct Parameter: Sendable {
    public let name: String
    public let text: String
    public let location: SourceLocation

    public var number: Double { Double(text) ?? 0 }
}

/// Everything the pipeline file says, checked for form but not yet compiled.
public struct PipelineDefinition: Sendable {
    /// The file name used in messages.
    public let file: String
    public let name: String
    public let provinceName: String
    public let parameters: [Parameter]
    public let encodings: [Feed: FeedEncoding]
    /// Feeds that may have no data rows (`may_be_empty: true` under `feeds:`).
    public var feedsThatMayBeEmpty: Set<Feed> = []
    /// The province's two-digit code (`province: code:`), when given.
    public var provinceCode: String?
    /// `nation: name:`: the name of the level above the provinces (code `00`) when `regions.csv` spans several.
    public var nationName: String?
    /// `nation: provinces:`: the provinces whose counties `regions.csv` may hold besides `province: code:`.
    public var nationProvinces: [String] = []
    public let derived: [DerivedFieldDefinition]
    public let indicators: [IndicatorSpecification]
    public let clues: ClueSpecification?
    /// County groups, in the order written.
    public var groups: [GroupSpecification] = []
    /// Names of resettlement sites by 9-digit code (`sites:`); others are named `安置点 <code>`.
    public var siteNames: [String: String] = [:]
    /// Compliance lists, in the order written.
    public var lists: [HouseholdListSpecification] = []
    /// The evaluation panel's dimensions, in the order written.
    public var evaluation: [EvaluationDimension] = []
    /// Where each evaluation dimension's indicator names are written (checked at compile).
    var evaluationLocations: [[SourceLocation]] = []

    /// The largest quarantined share a feed may have (default 0.05).
    public var maxQuarantineShare: Double {
        parameters.first { $0.name == "max_quarantine_share" }?.number ?? 0.05
    }

    /// A parameter by name.
    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }
}
