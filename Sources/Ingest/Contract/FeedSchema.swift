/// One column of a feed as the contract defines it.
public struct FieldSchema: Sendable {
    public let name: String
    public let kind: FieldKind
    /// Whether an empty value is allowed (it is then stored as "missing").
    public let optional: Bool
    /// When set, the value is a key of another feed; it is stored as that feed's row index.
    public let reference: KeySpace?

    init(_ name: String, _ kind: FieldKind, optional: Bool = false, references: KeySpace? = nil) {
        self.name = name
        self.kind = kind
        self.optional = optional
        self.reference = references
    }

    /// How the stored column is typed: references become row indices.
    var storage: StorageKind { reference == nil ? kind.storage : .int32 }
}

/// A feed as the contract defines it: its columns, its key and its rules that
/// span several columns.
public struct FeedSchema: Sendable {
    public let feed: Feed
    public let fields: [FieldSchema]
    /// Columns whose values together must be unique (the first row wins).
    public let keyFields: [String]
    /// The key space this feed defines for other feeds, if any (its first key column).
    public let defines: KeySpace?
    /// Checks between columns of one row, run after each field is typed.
    let rowRules: [RowRule]

    /// Position of a column in `fields`.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// A rule between typed values of one row (positions are schema field indices).
enum RowRule: Sendable {
    /// `values[code] / divisor` must equal `values[part]`; a broken rule blames `blame`.
    case prefix(code: Int, divisor: Int64, part: Int, blame: Int, expected: String)
    /// `values[field]` must be empty (0) unless `values[condition] == value`.
    case emptyUnless(field: Int, condition: Int, value: Int64, expected: String)

    /// The column blamed when the rule is broken, or nil when `values` keep it.
    @inline(__always)
    func brokenField(_ values: UnsafeMutablePointer<Int64>) -> Int? {
        switch self {
        case .prefix(let code, let divisor, let part, let blame, _):
            return values[code] / divisor == values[part] ? nil : blame
        case .emptyUnless(let field, let condition, let value, _):
            return values[field] == 0 || values[condition] == value ? nil : field
        }
    }

    /// What the rule expects, for the quarantine message.
    var expected: String {
        switch self {
        case .prefix(_, _, _, _, let expected), .emptyUnless(_, _, _, let expected): return expected
        }
    }
}
