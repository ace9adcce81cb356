import Ingest

/// Type-checks expressions of the pipeline file and builds their vector
/// programs. Runs before any feed is read; every problem is a `PipelineError`
/// at the line and column of the offending word.
final class Compiler {
    /// A compiled piece: a vector program or a literal still waiting for its type.
    enum Typed {
        case vector(any VectorNode, ValueType)
        case number(String, offset: Int)
        case text(String, offset: Int)
        case list([Typed], offset: Int)
    }

    private let file: String
    private let derived: [Entity: [String: DerivedFieldDefinition]]
    private let parameters: [String: Parameter]
    private let referenceDate: Int32?
    private var compiledDerived: [String: (any VectorNode, ValueType)] = [:]
    private var inProgress: Set<String> = []
    /// Longest chain of derived fields using one another (each adds its expression's depth to the programs).
    static let maximumDerivedDepth = 12
    /// Columns the programs read, in the order first named; a `ColumnNode` holds its position here.
    private(set) var columns: [FieldDescriptor] = []
    /// Position in `columns` by "entity.name".
    private var columnPositions: [String: Int] = [:]
    /// Derived fields cached per batch (see `CachedNode`).
    private(set) var cacheSlotCount = 0

    init(pipeline: PipelineDefinition, referenceDate: Int32?) {
        file = pipeline.file
        var derived: [Entity: [String: DerivedFieldDefinition]] = [:]
        for field in pipeline.derived { derived[field.entity, default: [:]][field.name] = field }
        self.derived = derived
        parameters = Dictionary(pipeline.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.referenceDate = referenceDate
    }

    /// Compiles `expression` over `entity` and checks it gives one of `expected`.
    func compile(_ expression: ExpressionText, entity: Entity, expecting expected: [ValueType], role: String) throws -> (any VectorNode, ValueType) {
        do {
            let syntax = try Parser.parse(expression.text)
            let typed = try compile(syntax, entity: entity)
            guard case .vector(let node, let type) = typed, expected.contains(type) else {
                let found = describe(typed)
                throw ExpressionFailure(offset: 0, message: "\(role) must be \(expected.map(\.description).joined(separator: " or ")), but this is \(found)")
            }
            return (node, type)
        } catch let failure as ExpressionFailure {
            let location = expression.location(ofOffset: failure.offset)
            throw PipelineError(file: file, line: location.line, column: location.column, message: failure.message)
        }
    }

    private func describe(_ typed: Typed) -> String {
        switch typed {
        case .vector(_, let type): return type.description
        case .number: return "a number"
        case .text: return "a text"
        case .list: return "a list"
        }
    }

    func compile(_ syntax: Syntax, entity: Entity) throws -> Typed {
        switch syntax {
        case .number(let text, let offset):
            return .number(text, offset: offset)
        case .string(let text, let offset):
            return .text(text, offset: offset)
        case .list(let items, let offset):
            return .list(try items.map { try compile($0, entity: entity) }, offset: offset)
        case .field(let name, let offset):
            return try resolve(name, entity: entity, offset: offset)
        case .call(let name, let arguments, let offset):
            return try aggregate(name, arguments, entity: entity, offset: offset)
        case .unary(_, let operand, _):
            let node = try condition(operand, entity: entity, role: "'not'")
            return .vector(NotNode(node), .bool)
        case .binary(let op, let left, let right, let offset):
            switch op {
            case "and", "or":
                let l = try condition(left, entity: entity, role: "'\(op)'")
                let r = try condition(right, entity: entity, role: "'\(op)'")
                return .vector(LogicNode(isAnd: op == "and", l, r), .bool)
            case "in", "not in":
                return try membership(left, right, negated: op == "not in", entity: entity, offset: offset)
            case "+", "-", "*":
                return try arithmetic(op, left, right, entity: entity, offset: offset)
            default:
                guard let comparison = CompareNode.Operator(rawValue: op) else {
                    throw ExpressionFailure(offset: offset, message: "unknown operator '\(op)'")
                }
                return try compare(comparison, left, right, entity: entity, offset: offset)
            }
        case .between(let value, let low, let high, let negated, let offset):
            let lower = try compare(negated ? .less : .greaterOrEqual, value, low, entity: entity, offset: offset)
            let upper = try compare(negated ? .greater : .lessOrEqual, value, high, entity: entity, offset: offset)
            guard case .vector(let l, _) = lower, case .vector(let u, _) = upper else {
                throw ExpressionFailure(offset: offset, message: "'between' needs a field on its left")
            }
            return .vector(LogicNode(isAnd: !negated, l, u), .bool)
        case .isMissing(let operand, let negated, let offset):
            guard case .vector(let node, _) = try compile(operand, entity: entity) else {
                throw ExpressionFailure(offset: offset, message: "'is missing' applies to a field")
            }
            return .vector(IsMissingNode(node, negated: negated), .bool)
        }
    }

    /// A sub-expression that must be a condition.
    func condition(_ syntax: Syntax, entity: Entity, role: String) throws -> any VectorNode {
        let typed = try compile(syntax, entity: entity)
        guard case .vector(let node, .bool) = typed else {
            throw ExpressionFailure(offset: syntax.offset, message: "\(role) needs a condition here, but this is \(describe(typed)); compare it with a value, e.g. 'relocated = 1'")
        }
        return node
    }

    /// A name: `true`/`false`, a derived field, a field of the feeds, a parameter, or `reference_date`;
    /// a person expression also sees its household's fields.
    private func resolve(_ name: String, entity: Entity, offset: Int) throws -> Typed {
        if name == "true" || name == "false" { return .vector(ConstantNode(value: name == "true" ? 1 : 0, entity: entity), .bool) }
        if let (node, type) = try derivedField(name, entity: entity) { return .vector(node, type) }
        if let field = FieldCatalog.field(named: name, entity: entity) { return .vector(column(field), field.type) }
        if entity == .person {
            if let (node, type) = try derivedField(name, entity: .household) { return .vector(HouseholdValueNode(node), type) }
            if let field = FieldCatalog.field(named: name, entity: .household) {
                return .vector(HouseholdValueNode(column(field)), field.type)
            }
        }
        if let parameter = parameters[name] { return .number(parameter.text, offset: offset) }
        if name == "reference_date" {
            guard let referenceDate else { return .vector(ConstantNode(value: 0, entity: entity), .date) }
            return .vector(ConstantNode(value: Int64(referenceDate), entity: entity), .date)
        }
        if name == "start_of_year" {
            // 1 January of the reference date's year: "this year" is start_of_year to reference_date.
            guard let referenceDate, let first = DayNumber.from(year: DayNumber.civil(referenceDate).year, month: 1, day: 1) else {
                return .vector(ConstantNode(value: 0, entity: entity), .date)
            }
            return .vector(ConstantNode(value: Int64(first), entity: entity), .date)
        }
        if name == "members" {
            throw ExpressionFailure(offset: offset, message: "'members' is used inside any(members, ...), all(...), count(...) or sum(...)")
        }
        throw ExpressionFailure(offset: offset, message: "unknown field '\(name)' for a \(entity.rawValue)\(suggestion(for: name, entity: entity))")
    }

    /// The `by:` field of an indicator: a field of its entity (or, for persons, of their household)
    /// holding a word or a set of words.
    func breakdownField(_ expression: ExpressionText, entity: Entity, indicator: String) throws -> (any VectorNode, ValueType) {
        do {
            let syntax = try Parser.parse(expression.text)
            guard case .field(let name, let offset) = syntax else {
                throw ExpressionFailure(offset: 0, message: "by: names one field, such as monitoring_type")
            }
            let typed = try resolve(name, entity: entity, offset: offset)
            switch typed {
            case .vector(let node, let type):
                switch type {
                case .choice, .choiceSet: return (node, type)
                default: break
                }
                throw ExpressionFailure(offset: offset, message: "\(indicator) is broken down by '\(name)', which is \(type); by: needs a field of words (such as monitoring_type) or a set of words (such as risk_types)")
            default:
                throw ExpressionFailure(offset: offset, message: "by: needs a field of words or a set of words, not '\(name)'")
            }
        } catch let failure as ExpressionFailure {
            let location = expression.location(ofOffset: failure.offset)
            throw PipelineError(file: file, line: location.line, column: location.column, message: failure.message)
        }
    }

    /// A pipeline error at `location`.
    func error(at location: SourceLocation, _ message: String) -> PipelineError {
        PipelineError(file: file, line: location.line, column: location.column, message: message)
    }

    /// The node reading `field`'s column; each column is built once however often it is named.
    private func column(_ field: FieldDescriptor) -> ColumnNode {
        let key = field.entity.rawValue + "." + field.name
        if let position = columnPositions[key] { return ColumnNode(field: field, column: position) }
        columns.append(field)
        columnPositions[key] = columns.count - 1
        return ColumnNode(field: field, column: columns.count - 1)
    }

    private func derivedField(_ name: String, entity: Entity) throws -> (any VectorNode, ValueType)? {
        guard let definition = derived[entity]?[name] else { return nil }
        let key = entity.rawValue + "." + name
        if let compiled = compiledDerived[key] { return compiled }
        guard inProgress.count < Self.maximumDerivedDepth else {
            let location = definition.expression.location
            throw PipelineError(file: file, line: location.line, column: location.column,
                                message: "derived field '\(name)' is reached through more than \(Self.maximumDerivedDepth) derived fields "
                                    + "that use one another; shorten the chain")
        }
        guard inProgress.insert(key).inserted else {
            let location = definition.expression.location
            throw PipelineError(file: file, line: location.line, column: location.column,
                                message: "derived field '\(name)' refers to itself (directly or through other fields)")
        }
        defer { inProgress.remove(key) }
        let (node, type) = try compile(definition.expression, entity: entity,
                                       expecting: [.bool, .int, .money, .date], role: "derived field '\(name)'")
        let compiled = (CachedNode(node, slot: cacheSlotCount) as any VectorNode, type)
        cacheSlotCount += 1
        compiledDerived[key] = compiled
        return compiled
    }

    private func suggestion(for name: String, entity: Entity) -> String {
        var names = FieldCatalog.all.filter { $0.entity == entity || entity == .person }.map(\.name)
        names += derived[entity].map { Array($0.keys) } ?? []
        if entity == .person { names += derived[.household].map { Array($0.keys) } ?? [] }
        let close = names.filter { candidate in
            candidate.hasSuffix(name) || name.hasSuffix(candidate) || editDistance(candidate, name) <= 2
        }.sorted()
        return close.isEmpty ? "; see docs/pipeline.md for the fields" : "; did you mean \(close.prefix(3).map { "'\($0)'" }.joined(separator: " or "))?"
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
