/// A word of the expression language.
struct Token: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case number(String)
        case string(String)
        case symbol(String)
        case keyword(String)
        case end
    }

    let kind: Kind
    /// UTF-8 offset of the token in the expression text.
    let offset: Int

    static let keywords: Set<String> = ["and", "or", "not", "in", "between", "is", "missing"]
}

/// Splits expression text into tokens.
struct Lexer {
    /// The tokens of `text`, ending with `.end`; throws `ExpressionFailure` at the first character it cannot read.
    static func tokens(of text: String) throws -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var p = 0
        func isIdentifierByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 95 || byte == 46
        }
        while p < bytes.count {
            let byte = bytes[p]
            let start = p
            switch byte {
            case 32, 9, 10, 13:
                p += 1
            case 97...122, 65...90, 95:
                while p < bytes.count && isIdentifierByte(bytes[p]) { p += 1 }
                let word = String(decoding: bytes[start..<p], as: UTF8.self)
                tokens.append(Token(kind: Token.keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            case 48...57:
                while p < bytes.count && ((bytes[p] >= 48 && bytes[p] <= 57) || bytes[p] == 46) { p += 1 }
                let number = String(decoding: bytes[start..<p], as: UTF8.self)
                guard number.filter({ $0 == "." }).count <= 1, number.last != "." else {
                    throw ExpressionFailure(offset: start, message: "'\(number)' is not a number")
                }
                tokens.append(Token(kind: .number(number), offset: start))
            case 39, 34:
                p += 1
                while p < bytes.count && bytes[p] != byte { p += 1 }
                guard p < bytes.count else {
                    throw ExpressionFailure(offset: start, message: "this text is never closed; add the closing \(byte == 39 ? "'" : "\"")")
                }
                tokens.append(Token(kind: .string(String(decoding: bytes[(start + 1)..<p], as: UTF8.self)), offset: start))
                p += 1
            default:
                let two = p + 1 < bytes.count ? String(decoding: bytes[p...(p + 1)], as: UTF8.self) : ""
                if ["!=", "<=", ">=", "<>"].contains(two) {
                    tokens.append(Token(kind: .symbol(two == "<>" ? "!=" : two), offset: start))
                    p += 2
                } else if let symbol = ["=", "<", ">", "+", "-", "*", "(", ")", "[", "]", ","].first(where: { $0.utf8.first == byte }) {
                    tokens.append(Token(kind: .symbol(symbol), offset: start))
                    p += 1
                } else {
                    let character = String(decoding: bytes[p..<min(bytes.count, p + 4)], as: UTF8.self).first.map(String.init) ?? "?"
                    throw ExpressionFailure(offset: start, message: "unexpected character '\(character)'")
                }
            }
        }
        tokens.append(Token(kind: .end, offset: bytes.count))
        return tokens
    }
}

/// A problem in one expression, at a UTF-8 offset of its text; the caller turns it into a `PipelineError`.
struct ExpressionFailure: Error {
    let offset: Int
    let message: String
}
