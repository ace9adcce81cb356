/// The kinds of area figures are computed for, in output order: the
/// administrative levels from the top down, with the county groups after the
/// province and the resettlement sites last.
public enum RollupLevel: String, CaseIterable, Sendable, Comparable {
    /// Above the provinces (code `00`), only when the night's counties span several provinces.
    case nation
    case province
    /// A named set of counties declared in the pipeline (`key_counties`).
    case group
    case prefecture
    case county
    case township
    case village
    /// A relocation resettlement site (易地扶贫搬迁安置点): the households with its `site_code`.
    case site

    public static func < (lhs: RollupLevel, rhs: RollupLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One area of the result: the province, a group of counties, a prefecture, a
/// county, a township, a village or a resettlement site.
public struct Area: Sendable, Equatable {
    public let level: RollupLevel
    /// Its code: division digits (2 for the province, 6, 6, 9, 12), a group's id,
    /// a site's 9-digit `site_code`.
    public let code: String
    public let name: String
    /// Position of the unit above it in `IndicatorTable.areas` (nil for the
    /// province): a group's is the province, a site's is its county.
    public let parent: Int?

    public init(level: RollupLevel, code: String, name: String, parent: Int?) {
        self.level = level
        self.code = code
        self.name = name
        self.parent = parent
    }
}
