/// Comparison of two values; false when either is missing.
final class CompareNode: VectorNode, @unchecked Sendable {
    enum Operator: String {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    let op: Operator
    let left: VectorNode
    /// The right side when it is a constant (the common case: `age >= 16`).
    let constant: Int64?
    let right: VectorNode?

    init(_ op: Operator, _ left: VectorNode, constant: Int64) {
        self.op = op
        self.left = left
        self.constant = constant
        self.right = nil
        super.init(entity: left.entity)
    }

    init(_ op: Operator, _ left: VectorNode, _ right: VectorNode) {
        self.op = op
        self.left = left
        self.constant = nil
        self.right = right
        super.init(entity: left.entity)
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let a = child(left, rows, context)
        if let constant {
            for i in 0..<rows.count { out[i] = Self.compare(op, a[i], constant) ? 1 : 0 }
        } else if let right {
            let b = child(right, rows, context)
            for i in 0..<rows.count { out[i] = Self.compare(op, a[i], b[i]) ? 1 : 0 }
        }
    }

    @inline(__always)
    private static func compare(_ op: Operator, _ a: Int64, _ b: Int64) -> Bool {
        guard a != missingValue && b != missingValue else { return false }
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}

/// Membership of a value in a list of constants (`category in ['monitored', ...]`);
/// false when the value is missing, also for `not in`.
final class InListNode: VectorNode, @unchecked Sendable {
    let value: VectorNode
    let members: [Int64]
    let negated: Bool

    init(_ value: VectorNode, members: [Int64], negated: Bool) {
        self.value = value
        self.members = members
        self.negated = negated
        super.init(entity: value.entity)
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let a = child(value, rows, context)
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
final class SetContainsNode: VectorNode, @unchecked Sendable {
    let set: VectorNode
    let bit: Int64

    init(_ set: VectorNode, bit: Int) {
        self.set = set
        self.bit = Int64(bit)
        super.init(entity: set.entity)
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        set.evaluate(rows, out, context)
        for i in 0..<rows.count { out[i] = out[i] == missingValue ? 0 : (out[i] >> bit) & 1 }
    }
}

/// `and` / `or` of two conditions.
final class LogicNode: VectorNode, @unchecked Sendable {
    let isAnd: Bool
    let left: VectorNode
    let right: VectorNode

    init(isAnd: Bool, _ left: VectorNode, _ right: VectorNode) {
        self.isAnd = isAnd
        self.left = left
        self.right = right
        super.init(entity: left.entity)
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        left.evaluate(rows, out, context)
        let b = child(right, rows, context)
        if isAnd {
            for i in 0..<rows.count { out[i] &= b[i] }
        } else {
            for i in 0..<rows.count { out[i] |= b[i] }
        }
    }
}

/// `not` of a condition.
final class NotNode: VectorNode, @unchecked Sendable {
    let operand: VectorNode

    init(_ operand: VectorNode) {
        self.operand = operand
        super.init(entity: operand.entity)
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        operand.evaluate(rows, out, context)
        for i in 0..<rows.count { out[i] ^= 1 }
    }
}

/// `x is missing` / `x is not missing`.
final class IsMissingNode: VectorNode, @unchecked Sendable {
    let operand: VectorNode
    let negated: Bool

    init(_ operand: VectorNode, negated: Bool) {
        self.operand = operand
        self.negated = negated
        super.init(entity: operand.entity)
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        operand.evaluate(rows, out, context)
        for i in 0..<rows.count { out[i] = (out[i] == missingValue) != negated ? 1 : 0 }
    }
}

/// `a + b` or `a - b`; missing when either side is missing.
final class ArithmeticNode: VectorNode, @unchecked Sendable {
    let subtract: Bool
    let left: VectorNode
    let right: VectorNode

    init(subtract: Bool, _ left: VectorNode, _ right: VectorNode) {
        self.subtract = subtract
        self.left = left
        self.right = right
        super.init(entity: left.entity)
    }

    /// Bounded by the sum of both sides' bounds; `Int64.max` when that could overflow.
    override var largest: Int64 {
        let (sum, overflow) = left.largest.addingReportingOverflow(right.largest)
        return overflow ? .max : sum
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        left.evaluate(rows, out, context)
        let b = child(right, rows, context)
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
final class ScaleNode: VectorNode, @unchecked Sendable {
    let inner: VectorNode
    let factor: Int64

    init(_ inner: VectorNode, factor: Int64) {
        self.inner = inner
        self.factor = factor
        super.init(entity: inner.entity)
    }

    /// Bounded by the inner bound times the factor; `Int64.max` when that could overflow.
    override var largest: Int64 {
        let (product, overflow) = inner.largest.multipliedReportingOverflow(by: factor == .min ? .max : abs(factor))
        return overflow ? .max : product
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        inner.evaluate(rows, out, context)
        for i in 0..<rows.count where out[i] != missingValue { out[i] = out[i] &* factor }
    }
}
