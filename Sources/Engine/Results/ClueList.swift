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
