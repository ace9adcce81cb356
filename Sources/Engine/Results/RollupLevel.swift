/// The administrative levels figures are computed for, from the top down.
public enum RollupLevel: String, CaseIterable, Sendable, Comparable {
    case province
    case prefecture
    case county
    case township
    case village

    public static func < (lhs: RollupLevel, rhs: RollupLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One administrative unit of the result: the province, a prefecture, a county, a township or a village.
public struct Area: Sendable, Equatable {
    public let level: RollupLevel
    /// Its division code as digits (2 for the province, 6, 6, 9, 12).
    public let code: String
    public let name: String
    /// Position of the unit above it in `IndicatorTable.areas` (nil for the province).
    public let parent: Int?

    public init(level: RollupLevel, code: String, name: String, parent: Int?) {
        self.level = level
        self.code = code
        self.name = name
        self.parent = parent
    }
}
