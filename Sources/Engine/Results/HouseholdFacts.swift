/// Tonight's facts of every household of the roster, in roster order (by
/// village): what the early warning keeps in each household's history and
/// compares night with night. Columns, one entry per household.
///
/// Holds full household and resident IDs: personal data, never written
/// anywhere but the restricted lists (masked) and the keyed hash.
public struct HouseholdFacts: Sendable {
    /// The hard signals, bit i = `signals[i]`.
    public let signals: [ClueSignal]
    /// 16-digit household IDs.
    public let householdIDs: [Int64]
    /// Village of each household: a row of `villageCodes`.
    public let villages: [Int32]
    /// The roster cell (village, resettlement site) of each household, for roll-ups.
    public let cells: [Int32]
    /// Words as 1-based positions in the contract's lists (0 = empty).
    public let category: [UInt8]
    public let monitoringType: [UInt8]
    public let riskStatus: [UInt8]
    public let clueOutcome: [UInt8]
    /// Day numbers (`DayNumber.missing` when empty).
    public let clueDate: [Int32]
    public let inclusionDate: [Int32]
    public let eliminationDate: [Int32]
    /// Income per capita in fen.
    public let income: [Int64]
    /// Members (resident persons).
    public let members: [Int32]
    /// Hard-signal bits.
    public let signalBits: [UInt16]
    /// Packed resident ID of the head, or -1 when the household has no head.
    public let heads: [Int64]
    /// 12-digit village codes, by village row.
    public let villageCodes: [Int64]
    public let villageNames: [String]
    /// 6-digit county code of each village row.
    public let villageCounties: [Int64]

    public var count: Int { householdIDs.count }

    public init(signals: [ClueSignal], householdIDs: [Int64], villages: [Int32], cells: [Int32], category: [UInt8],
                monitoringType: [UInt8], riskStatus: [UInt8], clueOutcome: [UInt8], clueDate: [Int32],
                inclusionDate: [Int32], eliminationDate: [Int32], income: [Int64], members: [Int32],
                signalBits: [UInt16], heads: [Int64], villageCodes: [Int64], villageNames: [String],
                villageCounties: [Int64]) {
        self.signals = signals
        self.householdIDs = householdIDs
        self.villages = villages
        self.cells = cells
        self.category = category
        self.monitoringType = monitoringType
        self.riskStatus = riskStatus
        self.clueOutcome = clueOutcome
        self.clueDate = clueDate
        self.inclusionDate = inclusionDate
        self.eliminationDate = eliminationDate
        self.income = income
        self.members = members
        self.signalBits = signalBits
        self.heads = heads
        self.villageCodes = villageCodes
        self.villageNames = villageNames
        self.villageCounties = villageCounties
    }
}

/// For each roster cell and each village, the positions (in the result's
/// areas) of every area it adds into: village, township, county,
/// prefecture, province, the county's groups, and (cells only) the site.
public struct AreaChains: Sendable {
    public let cells: [[Int]]
    /// By village row (of `villages.csv`); no site.
    public let villages: [[Int]]
}
