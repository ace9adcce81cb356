/// One step of a compiled expression. It evaluates a batch of rows of its
/// entity at once into a vector of Int64 (conditions as 0/1, missing as
/// `missingValue`), so the cost of walking the tree is paid per batch, not per row.
///
/// A node is an immutable value: it holds no run state. The night's columns,
/// the roster's links and the worker's scratch memory come with the
/// `EvaluationContext`, so one compiled program serves any number of runs and
/// workers at once.
protocol VectorNode: Sendable {
    /// Whose rows it evaluates.
    var entity: Entity { get }

    /// The largest magnitude this node can produce (other than missing), known
    /// at compile time so that arithmetic that could overflow is refused there.
    /// `Int64.max` means "no bound known".
    var largest: Int64 { get }

    /// Writes the values of `rows` (of `entity`) to `out[0..<rows.count]`.
    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext)
}

extension VectorNode {
    var largest: Int64 { .max }
}

/// A roster column: the program names it by its position among the pipeline's
/// columns (`CompiledPipeline.columns`); the night's values come with the context.
struct ColumnNode: VectorNode {
    let field: FieldDescriptor
    /// Position in `CompiledPipeline.columns` and `EvaluationContext.columns`.
    let column: Int

    var entity: Entity { field.entity }

    /// Amounts are read with at most 15 digits before the point (< 10¹⁷ fen);
    /// every other field is stored in at most 32 bits.
    var largest: Int64 { field.type == .money ? 100_000_000_000_000_000 : Int64(Int32.max) }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        context.columns[column].load(rows: rows, through: nil, into: out)
    }
}

/// The same value for every row.
struct ConstantNode: VectorNode {
    let value: Int64
    let entity: Entity

    var largest: Int64 { value == .min ? .max : abs(value) }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        out.update(repeating: value, count: rows.count)
    }
}

/// A household value seen from each of its members.
struct HouseholdValueNode: VectorNode {
    let household: any VectorNode

    init(_ household: any VectorNode) { self.household = household }

    var entity: Entity { .person }
    var largest: Int64 { household.largest }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        guard !rows.isEmpty else { return }
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let first = Int(context.personHousehold[rows.lowerBound])
        let last = Int(context.personHousehold[rows.upperBound - 1])
        let values = context.evaluate(household, first..<(last + 1))
        var i = 0
        for row in rows {
            out[i] = values[Int(context.personHousehold[row]) - first]
            i += 1
        }
    }
}

/// `any`, `all`, `count` or `sum` of a member condition, for each household.
struct MemberAggregateNode: VectorNode {
    enum Kind: String {
        case any, all, count, sum
    }

    let kind: Kind
    let member: any VectorNode

    var entity: Entity { .household }

    /// A household has fewer than 2³¹ members.
    var largest: Int64 {
        switch kind {
        case .any, .all: return 1
        case .count: return Int64(Int32.max)
        case .sum:
            let (product, overflow) = member.largest.multipliedReportingOverflow(by: Int64(Int32.max))
            return overflow ? .max : product
        }
    }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        guard !rows.isEmpty else { return }
        let mark = context.scratch.mark
        defer { context.scratch.release(to: mark) }
        let firstMember = Int(context.memberStart[rows.lowerBound])
        let members = firstMember..<Int(context.memberStart[rows.upperBound])
        let values = context.evaluate(member, members)
        var i = 0
        for household in rows {
            var total: Int64 = 0
            for m in Int(context.memberStart[household])..<Int(context.memberStart[household + 1]) {
                let value = values[m - firstMember]
                if value != missingValue { total &+= value }
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
struct CachedNode: VectorNode {
    let inner: any VectorNode
    let slot: Int

    init(_ inner: any VectorNode, slot: Int) {
        self.inner = inner
        self.slot = slot
    }

    var entity: Entity { inner.entity }
    var largest: Int64 { inner.largest }

    func evaluate(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ context: EvaluationContext) {
        if let cached = context.cache.values(slot, for: rows) {
            out.update(from: cached, count: rows.count)
            return
        }
        inner.evaluate(rows, out, context)
        context.cache.store(slot, rows: rows, out)
    }
}
