/// A column of a feed as a typed key: the contract declares each column once
/// as a `FeedColumn`, and code reads a feed's table through it
/// (`table[Households.category]`), so a misspelt column is a compile error
/// and the element type always matches the stored column.
public struct FeedColumn<Value: ColumnValue>: Sendable {
    /// The column as the contract defines it.
    public let field: FieldSchema

    /// The column's name in the file's header.
    public var name: String { field.name }

    init(_ field: FieldSchema) { self.field = field }
}

/// The element types a typed column can hold.
public protocol ColumnValue: Sendable {
    /// The values of `column` when it is stored as this type.
    static func values(of column: TypedColumn) -> [Self]?
}

extension UInt8: ColumnValue {
    public static func values(of column: TypedColumn) -> [UInt8]? {
        if case .uint8(let values) = column { return values }
        return nil
    }
}

extension Int32: ColumnValue {
    public static func values(of column: TypedColumn) -> [Int32]? {
        if case .int32(let values) = column { return values }
        return nil
    }
}

extension Int64: ColumnValue {
    public static func values(of column: TypedColumn) -> [Int64]? {
        if case .int64(let values) = column { return values }
        return nil
    }
}

extension String: ColumnValue {
    public static func values(of column: TypedColumn) -> [String]? {
        if case .text(let values) = column { return values }
        return nil
    }
}

// The declarations below fix each kind's stored type, so a key's `Value` is
// always the type of the column it reads.

extension FeedColumn where Value == UInt8 {
    /// One word of `words`, stored as its 1-based position (0 = empty).
    static func choice(_ name: String, _ words: [String], optional: Bool = false) -> Self {
        Self(FieldSchema(name, .choice(words), optional: optional))
    }

    /// `0` or `1`.
    static func flag(_ name: String) -> Self { Self(FieldSchema(name, .flag)) }

    /// The words of a choice column.
    public var words: [String] {
        if case .choice(let words) = field.kind { return words }
        return []
    }

    /// The stored value of `word` in this choice column (its 1-based position).
    /// - Precondition: `word` is one of the column's words (a programming error otherwise).
    public func code(_ word: String) -> UInt8 {
        guard let index = words.firstIndex(of: word) else { preconditionFailure("\(name) has no word \(word)") }
        return UInt8(index + 1)
    }
}

extension FeedColumn where Value == Int32 {
    /// `YYYY-MM-DD` as a day number; not after the reference date unless `mayFollowReference`.
    static func date(_ name: String, optional: Bool = false, mayFollowReference: Bool = false) -> Self {
        Self(FieldSchema(name, .date, optional: optional, mayFollowReference: mayFollowReference))
    }

    static func integer(_ name: String, _ range: ClosedRange<Int>) -> Self { Self(FieldSchema(name, .integer(range))) }

    static func year(_ name: String) -> Self { Self(FieldSchema(name, .year)) }

    /// A `;`-separated subset of `words`, stored as a bit mask (bit i = word i).
    static func choiceSet(_ name: String, _ words: [String], optional: Bool = false) -> Self {
        Self(FieldSchema(name, .choiceSet(words), optional: optional))
    }

    /// A key of another feed, stored as that feed's row index.
    static func reference(_ name: String, _ kind: FieldKind, to space: KeySpace) -> Self {
        Self(FieldSchema(name, kind, references: space))
    }

    /// The words of a set column.
    public var words: [String] {
        if case .choiceSet(let words) = field.kind { return words }
        return []
    }

    /// The bit of `word` in this set column.
    /// - Precondition: `word` is one of the column's words (a programming error otherwise).
    public func bit(_ word: String) -> Int32 {
        guard let index = words.firstIndex(of: word) else { preconditionFailure("\(name) has no word \(word)") }
        return 1 << Int32(index)
    }
}

extension FeedColumn where Value == Int64 {
    /// A code of exactly `width` digits (empty = -1 when optional).
    static func code(_ name: String, width: Int, optional: Bool = false) -> Self {
        Self(FieldSchema(name, .code(width: width), optional: optional))
    }

    /// A decimal ≥ 0 in hundredths (empty = -1 when optional).
    static func decimal(_ name: String, optional: Bool = false) -> Self {
        Self(FieldSchema(name, .decimal, optional: optional))
    }

    /// An 18-character resident ID, stored packed (see `ResidentID`).
    static func residentID(_ name: String) -> Self { Self(FieldSchema(name, .residentID)) }
}

extension FeedColumn where Value == String {
    static func text(_ name: String) -> Self { Self(FieldSchema(name, .text)) }
}
