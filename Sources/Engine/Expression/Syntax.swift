/// The expression as written: a tree of syntax nodes, each with its text offset.
indirect enum Syntax {
    case field(String, offset: Int)
    case number(String, offset: Int)
    case string(String, offset: Int)
    case list([Syntax], offset: Int)
    case call(String, [Syntax], offset: Int)
    case unary(String, Syntax, offset: Int)
    case binary(String, Syntax, Syntax, offset: Int)
    case between(Syntax, Syntax, Syntax, negated: Bool, offset: Int)
    case isMissing(Syntax, negated: Bool, offset: Int)

    var offset: Int {
        switch self {
        case .field(_, let offset), .number(_, let offset), .string(_, let offset), .list(_, let offset),
             .call(_, _, let offset), .unary(_, _, let offset), .binary(_, _, _, let offset),
             .between(_, _, _, _, let offset), .isMissing(_, _, let offset):
            return offset
        }
    }
}

/// Recursive-descent parser of the expression language (see docs/pipeline.md).
///
///     or        := and ('or' and)*
///     and       := not ('and' not)*
///     not       := 'not' not | predicate
///     predicate := sum [ compare sum | ['not'] 'in' sum | ['not'] 'between' sum 'and' sum | 'is' ['not'] 'missing' ]
///     sum       := primary (('+' | '-') primary)*
///     primary   := number | string | field | name '(' args ')' | '[' list ']' | '(' or ')'
struct Parser {
    /// Deepest nesting an expression may have: brackets, calls, 'not's and each
    /// link of an and/or/+/- chain count one level. The parser, the type checker
    /// and the vector programs recurse once per level, so this bounds their stack.
    static let maximumDepth = 100

    private let tokens: [Token]
    private var position = 0
    private var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole expression.
    static func parse(_ text: String) throws -> Syntax {
        var parser = Parser(tokens: try Lexer.tokens(of: text))
        let syntax = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw ExpressionFailure(offset: parser.current.offset, message: "unexpected \(parser.describe(parser.current)) after a complete expression; a missing 'and'/'or'?")
        }
        return syntax
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isKeyword(_ word: String) -> Bool { current.kind == .keyword(word) }
    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func expect(symbol: String, _ what: String) throws {
        guard isSymbol(symbol) else { throw ExpressionFailure(offset: current.offset, message: "expected \(what), found \(describe(current))") }
        _ = advance()
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier(let name): return "'\(name)'"
        case .number(let number): return "number \(number)"
        case .string(let text): return "text '\(text)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .keyword(let word): return "'\(word)'"
        case .end: return "the end of the expression"
        }
    }

    /// Goes one level deeper at `offset`, refusing past `maximumDepth`; `levels` levels are given back by `leave`.
    private mutating func enter(_ offset: Int) throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ExpressionFailure(offset: offset, message: "this expression nests more than \(Self.maximumDepth) levels deep "
                + "(brackets, 'not's, calls or a long chain of and/or/+/-); split it into derived fields")
        }
    }

    private mutating func leave(_ levels: Int = 1) { depth -= levels }

    private mutating func parseOr() throws -> Syntax {
        var left = try parseAnd()
        var links = 0
        defer { leave(links) }
        while isKeyword("or") {
            let offset = advance().offset
            try enter(offset)
            links += 1
            left = .binary("or", left, try parseAnd(), offset: offset)
        }
        return left
    }

    private mutating func parseAnd() throws -> Syntax {
        var left = try parseNot()
        var links = 0
        defer { leave(links) }
        while isKeyword("and") {
            let offset = advance().offset
            try enter(offset)
            links += 1
            left = .binary("and", left, try parseNot(), offset: offset)
        }
        return left
    }

    private mutating func parseNot() throws -> Syntax {
        if isKeyword("not") {
            let offset = advance().offset
            try enter(offset)
            defer { leave() }
            return .unary("not", try parseNot(), offset: offset)
        }
        return try parsePredicate()
    }

    private mutating func parsePredicate() throws -> Syntax {
        let left = try parseSum()
        if case .symbol(let symbol) = current.kind, ["=", "!=", "<", "<=", ">", ">="].contains(symbol) {
            let offset = advance().offset
            return .binary(symbol, left, try parseSum(), offset: offset)
        }
        var negated = false
        if isKeyword("not") {
            negated = true
            _ = advance()
            guard isKeyword("in") || isKeyword("between") else {
                throw ExpressionFailure(offset: current.offset, message: "expected 'in' or 'between' after 'not'")
            }
        }
        if isKeyword("in") {
            let offset = advance().offset
            return .binary(negated ? "not in" : "in", left, try parseSum(), offset: offset)
        }
        if isKeyword("between") {
            let offset = advance().offset
            let low = try parseSum()
            guard isKeyword("and") else {
                throw ExpressionFailure(offset: current.offset, message: "expected 'and' in 'between low and high'")
            }
            _ = advance()
            return .between(left, low, try parseSum(), negated: negated, offset: offset)
        }
        if isKeyword("is") {
            let offset = advance().offset
            var isNot = false
            if isKeyword("not") { isNot = true; _ = advance() }
            guard isKeyword("missing") else {
                throw ExpressionFailure(offset: current.offset, message: "expected 'missing' after 'is'")
            }
            _ = advance()
            return .isMissing(left, negated: isNot, offset: offset)
        }
        return left
    }

    private mutating func parseSum() throws -> Syntax {
        var left = try parseProduct()
        var links = 0
        defer { leave(links) }
        while isSymbol("+") || isSymbol("-") {
            let token = advance()
            guard case .symbol(let symbol) = token.kind else { break }
            try enter(token.offset)
            links += 1
            left = .binary(symbol, left, try parseProduct(), offset: token.offset)
        }
        return left
    }

    /// `a * b`, binding tighter than `+` and `-`.
    private mutating func parseProduct() throws -> Syntax {
        var left = try parsePrimary()
        var links = 0
        defer { leave(links) }
        while isSymbol("*") {
            let token = advance()
            try enter(token.offset)
            links += 1
            left = .binary("*", left, try parsePrimary(), offset: token.offset)
        }
        return left
    }

    private mutating func parsePrimary() throws -> Syntax {
        let token = advance()
        try enter(token.offset)
        defer { leave() }
        switch token.kind {
        case .number(let number):
            return .number(number, offset: token.offset)
        case .string(let text):
            return .string(text, offset: token.offset)
        case .identifier(let name):
            guard isSymbol("(") else { return .field(name, offset: token.offset) }
            _ = advance()
            var arguments: [Syntax] = []
            if !isSymbol(")") {
                arguments.append(try parseOr())
                while isSymbol(",") {
                    _ = advance()
                    arguments.append(try parseOr())
                }
            }
            try expect(symbol: ")", "')' to close the call of \(name)")
            return .call(name, arguments, offset: token.offset)
        case .symbol("("):
            let inner = try parseOr()
            try expect(symbol: ")", "')'")
            return inner
        case .symbol("["):
            var items: [Syntax] = []
            if !isSymbol("]") {
                items.append(try parseSum())
                while isSymbol(",") {
                    _ = advance()
                    items.append(try parseSum())
                }
            }
            try expect(symbol: "]", "']' to close the list")
            return .list(items, offset: token.offset)
        case .symbol("-"):
            if case .number(let number) = current.kind {
                _ = advance()
                return .number("-" + number, offset: token.offset)
            }
            throw ExpressionFailure(offset: token.offset, message: "expected a number after '-'")
        default:
            throw ExpressionFailure(offset: token.offset, message: "expected a field, a number or a text, found \(describe(token))")
        }
    }
}
