/// One column of a feed as the contract defines it.
public struct FieldSchema: Sendable {
    public let name: String
    public let kind: FieldKind
    /// Whether an empty value is allowed (it is then stored as "missing", see `missingValue`).
    public let optional: Bool
    /// When set, the value is a key of another feed; it is stored as that feed's row index.
    public let reference: KeySpace?
    /// For a date: whether it may lie after the reference date (an end date that is already known).
    public let mayFollowReference: Bool

    init(_ name: String, _ kind: FieldKind, optional: Bool = false, references: KeySpace? = nil,
         mayFollowReference: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
        self.reference = references
        self.mayFollowReference = mayFollowReference
    }

    /// How the stored column is typed: references become row indices.
    var storage: StorageKind { reference == nil ? kind.storage : .int32 }

    /// The stored value of an empty optional field: `DayNumber.missing` for a
    /// date, -1 for a code or decimal (so that 0 stays a real value), 0 for a
    /// word (words are stored from 1) or an empty set.
    public var missingValue: Int64 {
        switch kind {
        case .date: return Int64(DayNumber.missing)
        case .code, .decimal, .integer, .year: return -1
        default: return 0
        }
    }
}

/// How a sector feed's rows attach to the roster, for expressions and coverage.
public enum SectorJoin: Sendable {
    /// At most one row per person or household: each column is a field `feed.column`.
    case onePerKey
    /// One row per person and year: the reference year's row is joined.
    case referenceYear(FeedColumn<Int32>)
    /// Rows per person and kind with a start and an end date: for each kind a
    /// condition `feed.kind`, true when the person receives it on the
    /// reference date (start ≤ R and end empty or ≥ R).
    case activeOnReferenceDate(kind: FeedColumn<UInt8>, start: FeedColumn<Int32>, end: FeedColumn<Int32>)
}

/// A feed sent by a sector department about roster persons or households.
public struct Sector: Sendable {
    /// Whose rows these are: `.person` or `.household`.
    public let owner: KeySpace
    public let join: SectorJoin
    /// The sector's name for column headers (Chinese, English).
    public let labelZH: String
    public let labelEN: String
}

/// A feed as the contract defines it: its columns, its key, its rules that
/// span several columns and, for a sector feed, how it joins the roster.
public struct FeedSchema: Sendable {
    public let feed: Feed
    public let fields: [FieldSchema]
    /// Columns whose values together must be unique (the first row wins).
    public let keyFields: [String]
    /// The key space this feed defines for other feeds, if any (its first key column).
    public let defines: KeySpace?
    /// How a sector feed joins the roster; nil for the registers and the roster itself.
    public let sector: Sector?
    /// Checks between columns of one row, run after each field is typed.
    let rowRules: [RowRule]

    init(feed: Feed, fields: [FieldSchema], key: [FieldSchema], defines: KeySpace? = nil, sector: Sector? = nil,
         rules: [ColumnRule] = []) {
        self.feed = feed
        self.fields = fields
        self.keyFields = key.map(\.name)
        self.defines = defines
        self.sector = sector
        let index = { (name: String) -> Int in
            guard let i = fields.firstIndex(where: { $0.name == name }) else {
                preconditionFailure("\(feed.fileName): a rule names \(name), which is not a column of the feed")
            }
            return i
        }
        rowRules = rules.map { $0.resolved(index, fields) }
    }

    /// Position of a column in `fields`.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// The header names of the feed, in contract order.
    public var columnNames: [String] { fields.map(\.name) }
}
