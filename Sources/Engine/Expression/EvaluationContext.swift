/// Scratch memory of one worker: vectors for intermediate results, handed
/// out stack-wise and reused batch after batch, so evaluation allocates nothing
/// per row or per batch once warm.
final class Scratch {
    private var arenas: [UnsafeMutablePointer<Int64>] = []
    private var capacities: [Int] = []
    private var arena = 0
    private var used = 0

    init(capacity: Int = 1 << 16) { addArena(capacity) }

    private func addArena(_ capacity: Int) {
        arenas.append(.allocate(capacity: capacity))
        capacities.append(capacity)
    }

    /// A vector of `count` values, valid until `release(to:)` with an earlier mark.
    func allocate(_ count: Int) -> UnsafeMutablePointer<Int64> {
        if used + count > capacities[arena] {
            arena += 1
            used = 0
            if arena == arenas.count { addArena(max(count, capacities[arena - 1] * 2)) }
            if count > capacities[arena] {
                arenas[arena].deallocate()
                arenas[arena] = .allocate(capacity: count)
                capacities[arena] = count
            }
        }
        let pointer = arenas[arena] + used
        used += count
        return pointer
    }

    /// The current position, to give back everything allocated after it.
    var mark: (Int, Int) { (arena, used) }

    func release(to mark: (Int, Int)) { (arena, used) = mark }

    deinit { arenas.forEach { $0.deallocate() } }
}

/// The last batch each derived field was evaluated for, per worker: a field
/// used by several indicators (`covered`, `relocated_labour`, …) is computed
/// once per batch and copied after that.
final class BatchCache {
    private var ranges: [Range<Int>?]
    private var buffers: [UnsafeMutablePointer<Int64>?]
    private var capacities: [Int]

    init(slots: Int) {
        ranges = Array(repeating: nil, count: slots)
        buffers = Array(repeating: nil, count: slots)
        capacities = Array(repeating: 0, count: slots)
    }

    /// The values of `slot` for `rows`, if that is the batch it holds.
    @inline(__always)
    func values(_ slot: Int, for rows: Range<Int>) -> UnsafeMutablePointer<Int64>? {
        ranges[slot] == rows ? buffers[slot] : nil
    }

    /// Keeps a copy of `values` as `slot`'s values for `rows`.
    /// An empty range (a batch of households without members) is stored too,
    /// in a buffer allocated like any other.
    func store(_ slot: Int, rows: Range<Int>, _ values: UnsafeMutablePointer<Int64>) {
        let buffer: UnsafeMutablePointer<Int64>
        if let existing = buffers[slot], capacities[slot] >= rows.count {
            buffer = existing
        } else {
            buffers[slot]?.deallocate()
            capacities[slot] = max(rows.count, 2048)
            buffer = .allocate(capacity: capacities[slot])
            buffers[slot] = buffer
        }
        buffer.update(from: values, count: rows.count)
        ranges[slot] = rows
    }

    deinit { buffers.forEach { $0?.deallocate() } }
}

/// What a node needs to evaluate a batch: the night's columns, the roster's
/// links and the worker's scratch. Compiled programs hold no run state; all of
/// it travels here.
struct EvaluationContext {
    /// The columns the programs read, by position (`CompiledPipeline.columns`).
    let columns: [ColumnValues]
    /// Sorted household position of each sorted person.
    let personHousehold: UnsafePointer<Int32>
    /// Members of household h are `memberStart[h] ..< memberStart[h + 1]`.
    let memberStart: UnsafePointer<Int32>
    let scratch: Scratch
    /// Derived fields of the current batch.
    let cache: BatchCache

    /// Evaluates `node` over `rows` into fresh scratch memory.
    @inline(__always)
    func evaluate(_ node: any VectorNode, _ rows: Range<Int>) -> UnsafeMutablePointer<Int64> {
        let out = scratch.allocate(rows.count)
        node.evaluate(rows, out, self)
        return out
    }
}
