import Ingest

/// Type rules of comparisons, membership, arithmetic and member aggregates.
extension Compiler {
    /// The stored value of a literal used where `type` is expected.
    func constant(_ literal: Typed, as type: ValueType) throws -> Int64 {
        switch (literal, type) {
        case (.number(let text, let offset), .int):
            guard let value = Int64(text), value.magnitude <= 999_999_999_999_999 else {
                throw ExpressionFailure(offset: offset, message: "expected a whole number of at most 15 digits, found \(text)")
            }
            return value
        case (.number(let text, let offset), .money):
            guard let value = Self.hundredths(text) else { throw ExpressionFailure(offset: offset, message: "expected an amount such as 7500 or 7500.50 (at most 15 digits before the point), found \(text)") }
            return value
        case (.number(let text, let offset), .scaledMoney(let decimals)):
            guard let value = Self.scaled(text, decimals: 2 + decimals) else {
                throw ExpressionFailure(offset: offset, message: "expected an amount with at most \(2 + decimals) decimals, found \(text)")
            }
            return value
        case (.text(let text, let offset), .date):
            guard let day = DayNumber.parse(text) else { throw ExpressionFailure(offset: offset, message: "expected a date 'YYYY-MM-DD', found '\(text)'") }
            return Int64(day)
        case (.text(let text, let offset), .choice(let field, let words)):
            guard let index = words.firstIndex(of: text) else {
                throw ExpressionFailure(offset: offset, message: "'\(text)' is not a value of \(field); expected one of: \(words.joined(separator: ", "))")
            }
            return Int64(index + 1)
        case (.number(_, let offset), _), (.text(_, let offset), _), (.list(_, let offset), _):
            throw ExpressionFailure(offset: offset, message: "this value cannot be compared with \(type)")
        case (.vector, _):
            preconditionFailure("not a literal")
        }
    }

    /// Decimal text in hundredths, exactly (`7500` → 750000).
    static func hundredths(_ text: String) -> Int64? { scaled(text, decimals: 2) }

    /// Decimal text times 10^decimals, exactly, or nil when it has more decimals or does not fit.
    static func scaled(_ text: String, decimals: Int) -> Int64? {
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        if parts.count == 2 {
            let written = parts[1]
            guard written.count <= decimals, !written.isEmpty, let value = Int64(written) else { return nil }
            fraction = value
            for _ in written.count..<decimals { fraction *= 10 }
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow, whole <= 999_999_999_999_999 else { return nil }
        let amount = product + fraction
        return negative ? -amount : amount
    }

    /// Decimals written in a number literal (`0.30` → 2).
    static func decimals(of text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    func compare(_ op: CompareNode.Operator, _ left: Syntax, _ right: Syntax, entity: Entity, offset: Int) throws -> Typed {
        let l = try compile(left, entity: entity)
        let r = try compile(right, entity: entity)
        func checkOrdering(_ type: ValueType) throws {
            let ordered: Bool = switch type {
            case .int, .money, .scaledMoney, .date: true
            default: false
            }
            if !(op == .equal || op == .notEqual) && !ordered {
                throw ExpressionFailure(offset: offset, message: "'\(op.rawValue)' needs numbers, amounts or dates; \(type) can only be compared with = or !=")
            }
        }
        switch (l, r) {
        case (.vector(let a, let ta), .vector(let b, let tb)):
            if let (a, b, _) = Self.alignedAmounts(a, ta, b, tb) { return .vector(CompareNode(op, a, b), .bool) }
            guard ta == tb else { throw ExpressionFailure(offset: offset, message: "cannot compare \(ta) with \(tb)") }
            try checkOrdering(ta)
            return .vector(CompareNode(op, a, b), .bool)
        case (.vector(let a, let type), _):
            try checkOrdering(type)
            return .vector(CompareNode(op, a, constant: try constant(r, as: type)), .bool)
        case (_, .vector(let b, let type)):
            try checkOrdering(type)
            return .vector(CompareNode(op.mirrored, b, constant: try constant(l, as: type)), .bool)
        default:
            throw ExpressionFailure(offset: offset, message: "a comparison needs a field on one side")
        }
    }

    func membership(_ left: Syntax, _ right: Syntax, negated: Bool, entity: Entity, offset: Int) throws -> Typed {
        let l = try compile(left, entity: entity)
        let r = try compile(right, entity: entity)
        switch (l, r) {
        case (.vector(let value, let type), .list(let items, _)):
            let members = try items.map { try constant($0, as: type) }
            return .vector(InListNode(value, members: members, negated: negated), .bool)
        case (.text(let word, let wordOffset), .vector(let set, .choiceSet(let field, let words))):
            guard let bit = words.firstIndex(of: word) else {
                throw ExpressionFailure(offset: wordOffset, message: "'\(word)' is not a value of \(field); expected one of: \(words.joined(separator: ", "))")
            }
            let contains = SetContainsNode(set, bit: bit)
            return .vector(negated ? NotNode(contains) : contains, .bool)
        case (.vector, _):
            throw ExpressionFailure(offset: right.offset, message: "'in' needs a list such as ['a', 'b'] on its right")
        default:
            throw ExpressionFailure(offset: offset, message: "'in' needs a field and a list (category in ['monitored']) or a word and a set ('industry' in assistance)")
        }
    }

    func arithmetic(_ op: String, _ left: Syntax, _ right: Syntax, entity: Entity, offset: Int) throws -> Typed {
        let l = try compile(left, entity: entity)
        let r = try compile(right, entity: entity)
        let subtract = op == "-"
        if case .number(let a, _) = l, case .number(let b, _) = r {
            return .number(try Self.folded(a, op, b, offset: offset), offset: left.offset)
        }
        if op == "*" { return try product(l, r, offset: offset) }
        func vector(_ typed: Typed, as type: ValueType) throws -> any VectorNode {
            if case .vector(let node, _) = typed { return node }
            return ConstantNode(value: try constant(typed, as: type), entity: entity)
        }
        if case .vector(let a, let ta) = l, case .vector(let b, let tb) = r, ta != tb,
           let (a, b, type) = Self.alignedAmounts(a, ta, b, tb) {
            return .vector(ArithmeticNode(subtract: subtract, a, b), type)
        }
        if case .vector(let a, .scaledMoney(let k)) = l, case .number = r {
            return .vector(ArithmeticNode(subtract: subtract, a, try vector(r, as: .scaledMoney(decimals: k))), .scaledMoney(decimals: k))
        }
        if case .number = l, case .vector(let b, .scaledMoney(let k)) = r {
            return .vector(ArithmeticNode(subtract: subtract, try vector(l, as: .scaledMoney(decimals: k)), b), .scaledMoney(decimals: k))
        }
        let types: (ValueType?, ValueType?) = {
            var lt: ValueType?, rt: ValueType?
            if case .vector(_, let t) = l { lt = t }
            if case .vector(_, let t) = r { rt = t }
            return (lt, rt)
        }()
        let result = try arithmeticNode(l, r, types, subtract: subtract, vector: vector, op: op, offset: offset)
        if case .vector(let node, _) = result, node.largest == .max {
            throw ExpressionFailure(offset: offset, message: "this '\(op)' could exceed the largest number the engine computes with "
                + "exactly (about 9.2 × 10¹⁸); use smaller numbers")
        }
        return result
    }

    private func arithmeticNode(_ l: Typed, _ r: Typed, _ types: (ValueType?, ValueType?), subtract: Bool,
                                vector: (Typed, ValueType) throws -> any VectorNode, op: String, offset: Int) throws -> Typed {
        switch types {
        case (.date, .date) where subtract:
            return .vector(ArithmeticNode(subtract: true, try vector(l, .date), try vector(r, .date)), .int)
        case (.date, .int), (.date, nil):
            return .vector(ArithmeticNode(subtract: subtract, try vector(l, .date), try vector(r, .int)), .date)
        case (.int, .int), (.int, nil), (nil, .int):
            return .vector(ArithmeticNode(subtract: subtract, try vector(l, .int), try vector(r, .int)), .int)
        case (.money, .money), (.money, nil), (nil, .money):
            return .vector(ArithmeticNode(subtract: subtract, try vector(l, .money), try vector(r, .money)), .money)
        default:
            let names = [types.0, types.1].map { $0?.description ?? "a value" }
            throw ExpressionFailure(offset: offset, message: "cannot compute \(names[0]) \(op) \(names[1])")
        }
    }

    /// `any(members, c)`, `all(members, c)`, `count(members[, c])`, `sum(members, n)`.
    func aggregate(_ name: String, _ arguments: [Syntax], entity: Entity, offset: Int) throws -> Typed {
        guard let kind = MemberAggregateNode.Kind(rawValue: name) else {
            throw ExpressionFailure(offset: offset, message: "unknown function '\(name)'; the functions are any, all, count and sum over members")
        }
        guard entity == .household else {
            throw ExpressionFailure(offset: offset, message: "\(name)(members, ...) is for household expressions; this expression is about a person")
        }
        guard case .field("members", _)? = arguments.first else {
            throw ExpressionFailure(offset: arguments.first?.offset ?? offset, message: "the first argument of \(name) is 'members'")
        }
        switch (kind, arguments.count) {
        case (.count, 1):
            return .vector(MemberAggregateNode(kind: .count, member: ConstantNode(value: 1, entity: .person)), .int)
        case (.sum, 2):
            let typed = try compile(arguments[1], entity: .person)
            guard case .vector(let member, .int) = typed else {
                throw ExpressionFailure(offset: arguments[1].offset, message: "sum(members, ...) adds up a whole number of each member")
            }
            return .vector(MemberAggregateNode(kind: .sum, member: member), .int)
        case (_, 2):
            let member = try condition(arguments[1], entity: .person, role: "\(name)(members, ...)")
            return .vector(MemberAggregateNode(kind: kind, member: member), kind == .count ? .int : .bool)
        default:
            throw ExpressionFailure(offset: offset, message: "\(name) takes 'members' and a condition, e.g. \(name)(members, age between 6 and 15)")
        }
    }
}

extension CompareNode.Operator {
    /// The operator with its sides swapped (`3 < x` is `x > 3`).
    var mirrored: CompareNode.Operator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}
