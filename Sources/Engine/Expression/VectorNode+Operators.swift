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

    init(_ op: Operator, _ left: any VectorNode, constant: Int64) {
        self.op = op
        self.left = left
        self.constant = constant
        self.right = nil
    }

    init(_ op: Operator, _ left: any VectorNode, _ right: any VectorNode) {
        self.op = op
        self.left = left
        self.constant = nil
        self.right = right
    }

    var entity: Entity { left.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let a = context.evaluate(left, rows)
        if let constant {
            for i in 0..<rows.count { out[i] = Self.compare(op, a[i], constant) ? 1 : 0 }
        } else if let right {
            let b = context.evaluate(right, rows)
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
struct InListNode: VectorNode {
    let value: any VectorNode
    let members: [Int64]
    let negated: Bool

    init(_ value: any VectorNode, members: [Int64], negated: Bool) {
        self.value = value
        self.members = members
        self.negated = negated
    }

    var entity: Entity { value.entity }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
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
