/// One signal a clue list can show (for example "income below the line").
public struct ClueSignal: Sendable, Equatable {
    public let id: String
    public let labelZH: String
    public let labelEN: String

    public init(id: String, labelZH: String, labelEN: String) {
        self.id = id
        self.labelZH = labelZH
        self.labelEN = labelEN
    }
}

/// A household counted by the clue indicator (suspected omission), with the signals that fired.
public struct ClueHousehold: Sendable, Equatable {
    /// 16-digit household ID.
    public let householdID: String
    public let villageCode: String
    public let villageName: String
    public let countyCode: String
    /// The head's full resident ID, when the household has a head. Personal data: mask it before showing it.
    public let headResidentID: String?
    /// Ids of the signals that fired, in the pipeline's order.
    public let signals: [String]

    public init(householdID: String, villageCode: String, villageName: String, countyCode: String,
                headResidentID: String?, signals: [String]) {
        self.householdID = householdID
        self.villageCode = villageCode
        self.villageName = villageName
        self.countyCode = countyCode
        self.headResidentID = headResidentID
        self.signals = signals
    }
}

/// The households a county must check, sorted by county, village and household ID.
public struct ClueList: Sendable {
    public let signals: [ClueSignal]
    public let households: [ClueHousehold]

    public init(signals: [ClueSignal], households: [ClueHousehold]) {
        self.signals = signals
        self.households = households
    }
}

/// A compliance list (应纳未纳, 应帮未帮, 错误消除, …): the households it names,
/// with the reasons that fired for each. Restricted personal data.
public struct HouseholdList: Sendable {
    /// Its id in the pipeline, the folder name of its files (`lists/<id>/<county>.csv`).
    public let id: String
    public let labelZH: String
    public let labelEN: String
    /// The indicator whose households it names.
    public let indicator: String
    /// Whether it names the indicator's numerator, or its denominator less its numerator.
    public let selection: HouseholdListSpecification.Selection
    public let reasons: [ClueSignal]
    /// Sorted by county, village and household ID.
    public let households: [ClueHousehold]

    public init(id: String, labelZH: String, labelEN: String, indicator: String,
                selection: HouseholdListSpecification.Selection, reasons: [ClueSignal], households: [ClueHousehold]) {
        self.id = id
        self.labelZH = labelZH
        self.labelEN = labelEN
        self.indicator = indicator
        self.selection = selection
        self.reasons = reasons
        self.households = households
    }
}
