/// The type of an expression's value; checked before anything is evaluated.
enum ValueType: Equatable, CustomStringConvertible {
    case bool
    case int
    /// Amounts in hundredths (yuan with fen).
    case money
    /// An amount times a number with `decimals` decimals (`income_prev_year * 0.7`):
    /// hundredths × 10^decimals, so comparisons with amounts stay exact.
    case scaledMoney(decimals: Int)
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
        case .money, .scaledMoney: return "an amount"
        case .date: return "a date"
        case .choice(let field, _): return "a word of \(field)"
        case .choiceSet(let field, _): return "a list of words of \(field)"
        case .numberLiteral: return "a number"
        case .textLiteral: return "a text"
        }
    }

    var isNumeric: Bool { self == .int || self == .money || self == .numberLiteral }

    /// For amounts, the decimals of their stored unit beyond the fen (0 for `money`); nil otherwise.
    var amountScale: Int? {
        switch self {
        case .money: return 0
        case .scaledMoney(let decimals): return decimals
        default: return nil
        }
    }

    /// The amount type whose unit has `decimals` decimals beyond the fen.
    static func amount(scale decimals: Int) -> ValueType { decimals == 0 ? .money : .scaledMoney(decimals: decimals) }
}

/// The value every vector uses for "missing" (no sector row, an empty optional field).
let missingValue = Int64.min
