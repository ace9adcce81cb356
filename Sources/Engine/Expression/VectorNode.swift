/// One step of a compiled expression. It evaluates a batch of rows of its
/// entity at once into a vector of Int64 (conditions as 0/1, missing as
/// `missingValue`), so the cost of walking the tree is paid per batch, not per row.
class VectorNode: @unchecked Sendable {
    let entity: Entity

    init(entity: Entity) { self.entity = entity }

    /// The largest magnitude this node can produce (other than missing), known
    /// at compile time so that arithmetic that could overflow is refused there.
    /// `Int64.max` means "no bound known".
    var largest: Int64 { .max }

    /// Writes the values of `rows` (of `entity`) to `out[0..<rows.count]`.
    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        preconditionFailure("abstract")
    }

    /// Evaluates a child into fresh scratch memory.
    @inline(__always)
    final func child(_ node: VectorNode, _ rows: Range<Int>, _ context: EvaluationContext) -> UnsafeMutablePointer<Int64> {
        let out = context.scratch.allocate(rows.count)
        node.evaluate(rows, out, context)
        return out
    }
}

/// A roster column, filled in once the feeds are read (expressions are
/// compiled before any feed is read, so errors come first).
final class ColumnSlot: @unchecked Sendable {
    let field: FieldDescriptor
    var values: ColumnValues?

    init(field: FieldDescriptor) { self.field = field }
}

/// A roster column.
final class ColumnNode: VectorNode, @unchecked Sendable {
    let slot: ColumnSlot

    init(slot: ColumnSlot) {
        self.slot = slot
        super.init(entity: slot.field.entity)
    }

    /// Amounts are read with at most 15 digits before the point (< 10¹⁷ fen);
    /// every other field is stored in at most 32 bits.
    override var largest: Int64 { slot.field.type == .money ? 100_000_000_000_000_000 : Int64(Int32.max) }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        guard let values = slot.values else { preconditionFailure("column \(slot.field.name) used before the feeds were bound") }
        values.load(rows: rows, through: nil, into: out)
    }
}

/// The same value for every row.
final class ConstantNode: VectorNode, @unchecked Sendable {
    let value: Int64

    init(value: Int64, entity: Entity) {
        self.value = value
        super.init(entity: entity)
    }

    override var largest: Int64 { value == .min ? .max : abs(value) }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        out.update(repeating: value, count: rows.count)
    }
}

/// A household value seen from each of its members.
final class HouseholdValueNode: VectorNode, @unchecked Sendable {
    let household: VectorNode

    init(_ household: VectorNode) {
        self.household = household
        super.init(entity: .person)
    }

    override var largest: Int64 { household.largest }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        guard !rows.isEmpty else { return }
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let first = Int(context.personHousehold[rows.lowerBound])
        let last = Int(context.personHousehold[rows.upperBound - 1])
        let values = child(household, first..<(last + 1), context)
        var i = 0
        for row in rows {
            out[i] = values[Int(context.personHousehold[row]) - first]
            i += 1
        }
    }
}

/// `any`, `all`, `count` or `sum` of a member condition, for each household.
final class MemberAggregateNode: VectorNode, @unchecked Sendable {
    enum Kind: String {
        case any, all, count, sum
    }

    let kind: Kind
    let member: VectorNode

    init(kind: Kind, member: VectorNode) {
        self.kind = kind
        self.member = member
        super.init(entity: .household)
    }

    /// A household has fewer than 2³¹ members.
    override var largest: Int64 {
        switch kind {
        case .any, .all: return 1
        case .count: return Int64(Int32.max)
        case .sum:
            let (product, overflow) = member.largest.multipliedReportingOverflow(by: Int64(Int32.max))
            return overflow ? .max : product
        }
    }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        guard !rows.isEmpty else { return }
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let firstMember = Int(context.memberStart[rows.lowerBound])
        let members = firstMember..<Int(context.memberStart[rows.upperBound])
        let values = child(member, members, context)
        var i = 0
        for household in rows {
            var total: Int64 = 0
            var count: Int64 = 0
            for m in Int(context.memberStart[household])..<Int(context.memberStart[household + 1]) {
                let value = values[m - firstMember]
                if value != missingValue {
                    total &+= value
                    count += 1
                }
            }
            let size = Int64(context.memberStart[household + 1] - context.memberStart[household])
            switch kind {
            case .any: out[i] = total > 0 ? 1 : 0
            case .all: out[i] = total == size ? 1 : 0
            case .count, .sum: out[i] = total
            }
            i += 1
        }
    }
}

/// A derived field: evaluated once per batch per worker, then served from the cache.
final class CachedNode: VectorNode, @unchecked Sendable {
    let inner: VectorNode
    let slot: Int

    init(_ inner: VectorNode, slot: Int) {
        self.inner = inner
        self.slot = slot
        super.init(entity: inner.entity)
    }

    override var largest: Int64 { inner.largest }

    override func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        if let cached = context.cache.values(slot, for: rows) {
            out.update(from: cached, count: rows.count)
            return
        }
        inner.evaluate(rows, out, context)
        context.cache.store(slot, rows: rows, out)
    }
}
