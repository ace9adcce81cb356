/// The type of an expression's value; checked before anything is evaluated.
enum ValueType: Equatable, CustomStringConvertible {
    case bool
    case int
    /// Amounts in hundredths (yuan with fen).
    case money
    case date
    /// One word of the field's list.
    case choice(field: String, words: [String])
    /// A subset of the field's list.
    case choiceSet(field: String, words: [String])
    /// A number literal: becomes int or money from its context.
    case numberLiteral
    /// A text literal: becomes a choice word, a date or a set member from its context.
    case textLiteral

    var description: String {
        switch self {
        case .bool: return "a condition (true/false)"
        case .int: return "a whole number"
        case .money: return "an amount"
        case .date: return "a date"
        case .choice(let field, _): return "a word of \(field)"
        case .choiceSet(let field, _): return "a list of words of \(field)"
        case .numberLiteral: return "a number"
        case .textLiteral: return "a text"
        }
    }

    var isNumeric: Bool { self == .int || self == .money || self == .numberLiteral }
}

/// The value every vector uses for "missing" (no sector row, an empty optional field).
let missingValue = Int64.min
