/// Comparison of two values; false when either is missing.
struct CompareNode: VectorNode {
    enum Operator: String {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    let op: Operator
    let left: any VectorNode
    /// The right side when it is a constant (the common case: `age >= 16`).
    let constant: Int64?
    let right: (any VectorNode)?

    /// The column compared with `constant` in one fused pass, when the left side is a column.
    private let column: Int?

    init(_ op: Operator, _ left: any VectorNode, constant: Int64) {
        self.op = op
        self.left = left
        self.constant = constant
        self.right = nil
        column = constant == missingValue ? nil : (left as? ColumnNode)?.column
    }

    init(_ op: Operator, _ left: any VectorNode, _ right: any VectorNode) {
        self.op = op
        self.left = left
        self.constant = nil
        self.right = right
        column = nil
    }

    var entity: Entity { left.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        if let column, let constant {
            context.columns[column].compare(rows: rows, op, constant, into: out)
            return
        }
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let a = context.evaluate(left, rows)
        if let constant {
            // `missingValue` as a constant compares false like any missing value.
            let b = constant
            switch op {
            case .equal: Self.fill(rows.count, out) { a[$0] != missingValue && b != missingValue && a[$0] == b }
            case .notEqual: Self.fill(rows.count, out) { a[$0] != missingValue && b != missingValue && a[$0] != b }
            case .less: Self.fill(rows.count, out) { a[$0] != missingValue && b != missingValue && a[$0] < b }
            case .lessOrEqual: Self.fill(rows.count, out) { a[$0] != missingValue && b != missingValue && a[$0] <= b }
            case .greater: Self.fill(rows.count, out) { a[$0] != missingValue && b != missingValue && a[$0] > b }
            case .greaterOrEqual: Self.fill(rows.count, out) { a[$0] != missingValue && b != missingValue && a[$0] >= b }
            }
        } else if let right {
            let b = context.evaluate(right, rows)
            func present(_ i: Int) -> Bool { a[i] != missingValue && b[i] != missingValue }
            switch op {
            case .equal: Self.fill(rows.count, out) { present($0) && a[$0] == b[$0] }
            case .notEqual: Self.fill(rows.count, out) { present($0) && a[$0] != b[$0] }
            case .less: Self.fill(rows.count, out) { present($0) && a[$0] < b[$0] }
            case .lessOrEqual: Self.fill(rows.count, out) { present($0) && a[$0] <= b[$0] }
            case .greater: Self.fill(rows.count, out) { present($0) && a[$0] > b[$0] }
            case .greaterOrEqual: Self.fill(rows.count, out) { present($0) && a[$0] >= b[$0] }
            }
        }
    }

    /// `out[i]` = 1 where `holds(i)`, else 0; the operator is chosen once per batch, not per row.
    @inline(__always)
    private static func fill(_ count: Int, _ out: UnsafeMutablePointer<Int64>, _ holds: (Int) -> Bool) {
        for i in 0..<count { out[i] = holds(i) ? 1 : 0 }
    }
}

/// Membership of a value in a list of constants (`category in ['monitored', ...]`);
/// false when the value is missing, also for `not in`.
struct InListNode: VectorNode {
    let value: any VectorNode
    let members: [Int64]
    let negated: Bool

    /// The column tested in one fused pass, when the value is a column.
    private let column: Int?
    /// The answer for each byte value, for columns stored as bytes (words, flags).
    private let byteTable: [Int64]

    init(_ value: any VectorNode, members: [Int64], negated: Bool) {
        self.value = value
        self.members = members
        self.negated = negated
        column = (value as? ColumnNode)?.column
        byteTable = (0..<256).map { members.contains(Int64($0)) != negated ? 1 : 0 }
    }

    var entity: Entity { value.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        if let column {
            context.columns[column].contains(rows: rows, members, byteTable: byteTable, negated: negated, into: out)
            return
        }
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let a = context.evaluate(value, rows)
        members.withUnsafeBufferPointer { members in
            for i in 0..<rows.count {
                let v = a[i]
                if v == missingValue {
                    out[i] = 0
                } else {
                    out[i] = members.contains(v) != negated ? 1 : 0
                }
            }
        }
    }
}

/// Whether a set (`assistance`) holds a word: bit `bit` of the mask.
struct SetContainsNode: VectorNode {
    let set: any VectorNode
    let bit: Int64

    init(_ set: any VectorNode, bit: Int) {
        self.set = set
        self.bit = Int64(bit)
    }

    var entity: Entity { self.set.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        set.evaluate(rows, out, context)
        for i in 0..<rows.count { out[i] = out[i] == missingValue ? 0 : (out[i] >> bit) & 1 }
    }
}

/// `and` / `or` of two conditions.
struct LogicNode: VectorNode {
    let isAnd: Bool
    let left: any VectorNode
    let right: any VectorNode

    init(isAnd: Bool, _ left: any VectorNode, _ right: any VectorNode) {
        self.isAnd = isAnd
        self.left = left
        self.right = right
    }

    var entity: Entity { left.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        left.evaluate(rows, out, context)
        let b = context.evaluate(right, rows)
        if isAnd {
            for i in 0..<rows.count { out[i] &= b[i] }
        } else {
            for i in 0..<rows.count { out[i] |= b[i] }
        }
    }
}

/// `not` of a condition.
struct NotNode: VectorNode {
    let operand: any VectorNode

    init(_ operand: any VectorNode) {
        self.operand = operand
    }

    var entity: Entity { operand.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        operand.evaluate(rows, out, context)
        for i in 0..<rows.count { out[i] ^= 1 }
    }
}

/// `x is missing` / `x is not missing`.
struct IsMissingNode: VectorNode {
    let operand: any VectorNode
    let negated: Bool

    init(_ operand: any VectorNode, negated: Bool) {
        self.operand = operand
        self.negated = negated
    }

    var entity: Entity { operand.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        operand.evaluate(rows, out, context)
        for i in 0..<rows.count { out[i] = (out[i] == missingValue) != negated ? 1 : 0 }
    }
}

/// `a + b` or `a - b`; missing when either side is missing.
struct ArithmeticNode: VectorNode {
    let subtract: Bool
    let left: any VectorNode
    let right: any VectorNode

    init(subtract: Bool, _ left: any VectorNode, _ right: any VectorNode) {
        self.subtract = subtract
        self.left = left
        self.right = right
    }

    var entity: Entity { left.entity }

    /// Bounded by the sum of both sides' bounds; `Int64.max` when that could overflow.
    var largest: Int64 {
        let (sum, overflow) = left.largest.addingReportingOverflow(right.largest)
        return overflow ? .max : sum
    }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        left.evaluate(rows, out, context)
        let b = context.evaluate(right, rows)
        for i in 0..<rows.count {
            if out[i] == missingValue || b[i] == missingValue {
                out[i] = missingValue
            } else {
                out[i] = subtract ? out[i] &- b[i] : out[i] &+ b[i]
            }
        }
    }
}

/// A whole number or amount times a constant factor (missing stays missing).
struct ScaleNode: VectorNode {
    let inner: any VectorNode
    let factor: Int64

    init(_ inner: any VectorNode, factor: Int64) {
        self.inner = inner
        self.factor = factor
    }

    var entity: Entity { inner.entity }

    /// Bounded by the inner bound times the factor; `Int64.max` when that could overflow.
    var largest: Int64 {
        let (product, overflow) = inner.largest.multipliedReportingOverflow(by: factor == .min ? .max : abs(factor))
        return overflow ? .max : product
    }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        inner.evaluate(rows, out, context)
        for i in 0..<rows.count where out[i] != missingValue { out[i] = out[i] &* factor }
    }
}
