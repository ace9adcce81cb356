/// What a column of a feed holds, and how it is stored once typed.
public enum FieldKind: Sendable {
    /// A code of exactly `width` digits, stored as an integer (the width keeps leading zeros).
    case code(width: Int)
    /// An 18-character resident ID, stored packed (see `ResidentID`).
    case residentID
    /// One word of a fixed list, stored as its 1-based position (0 = empty).
    case choice([String])
    /// `0` or `1`.
    case flag
    /// `YYYY-MM-DD`, stored as a day number.
    case date
    /// A decimal ≥ 0, stored in hundredths (fen for money).
    case decimal
    /// A whole number in a range.
    case integer(ClosedRange<Int>)
    /// A 4-digit year.
    case year
    /// A `;`-separated subset of a fixed list, stored as a bit mask (bit i = word i).
    case choiceSet([String])
    /// Free text (names), kept as a string.
    case text

    /// How the column is stored.
    var storage: StorageKind {
        switch self {
        case .code, .decimal: return .int64
        case .residentID: return .int64
        case .choice, .flag: return .uint8
        case .date, .integer, .year: return .int32
        case .choiceSet: return .int32
        case .text: return .text
        }
    }

    /// What the contract expects, in words for an error message.
    var expectation: String {
        switch self {
        case .code(let width): return "\(width) digits"
        case .residentID: return "an 18-character resident ID"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .flag: return "0 or 1"
        case .date: return "a date YYYY-MM-DD"
        case .decimal: return "a decimal number ≥ 0 with '.'"
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .year: return "a 4-digit year"
        case .choiceSet(let words): return "';'-separated words from " + words.joined(separator: ", ")
        case .text: return "text"
        }
    }
}

/// Storage types of typed columns.
enum StorageKind: Sendable {
    case uint8
    case int32
    case int64
    case text
}
