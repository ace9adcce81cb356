import Ingest

/// Counts every indicator for every (village, site) cell, in parallel over slices of cells.
///
/// Rows are laid out by cell, so each worker owns a contiguous range of
/// cells: it evaluates the programs batch by batch over their households and
/// persons and adds numerators and denominators into its own cells'
/// counters. Counters are integers, so the result is the same for any thread count.
struct IndicatorCounter {
    let roster: Roster
    let indicators: [CompiledIndicator]
    /// Result columns (breakdown values counted one each).
    let columns: Int
    /// The night's columns the programs read (`CompiledPipeline.columns`).
    let columnValues: [ColumnValues]
    /// Derived fields cached per batch.
    let cacheSlots: Int
    let threads: Int
    /// Rows per batch: large enough to amortise walking the program, small enough to stay in cache.
    let batchSize = 2048

    /// `counters[(cell * columns + column) * 2 + 0/1]` = numerator / denominator.
    func count() -> [Int64] {
        let width = columns * 2
        var counters = [Int64](repeating: 0, count: roster.cellCount * width)
        let slices = cellSlices()
        counters.withUnsafeMutableBufferPointer { counters in
            nonisolated(unsafe) let counters = counters
            roster.personHousehold.withUnsafeBufferPointer { personHousehold in
                roster.memberStart.withUnsafeBufferPointer { memberStart in
                    nonisolated(unsafe) let links = (personHousehold.baseAddress!, memberStart.baseAddress!)
                    _ = parallelMap(count: slices.count, workers: threads) { slice in
                        let context = EvaluationContext(columns: columnValues, personHousehold: links.0, memberStart: links.1, scratch: Scratch(),
                                                        cache: BatchCache(slots: cacheSlots))
                        let cells = slices[slice]
                        countRows(of: .household, cells: cells, starts: roster.cellHouseholdStart, context, counters)
                        countRows(of: .person, cells: cells, starts: roster.cellPersonStart, context, counters)
                    }
                }
            }
        }
        return counters
    }

    /// Contiguous cell ranges of about equal numbers of persons, several per thread.
    private func cellSlices() -> [Range<Int>] {
        let cellCount = roster.cellCount
        let pieces = max(1, min(cellCount, threads * 8))
        let target = max(1, (roster.personCount + roster.householdCount) / pieces)
        var slices: [Range<Int>] = []
        var start = 0
        var weight = 0
        for c in 0..<cellCount {
            weight += Int(roster.cellPersonStart[c + 1] - roster.cellPersonStart[c])
                + Int(roster.cellHouseholdStart[c + 1] - roster.cellHouseholdStart[c])
            if weight >= target {
                slices.append(start..<(c + 1))
                start = c + 1
                weight = 0
            }
        }
        if start < cellCount || slices.isEmpty { slices.append(start..<cellCount) }
        return slices
    }

    /// Evaluates the indicators of `entity` over the rows of `cells` and adds them to their cells.
    private func countRows(of entity: Entity, cells: Range<Int>, starts: [Int32], _ context: EvaluationContext,
                           _ counters: UnsafeMutableBufferPointer<Int64>) {
        let selected = indicators.filter { $0.definition.entity == entity }
        guard !selected.isEmpty, !cells.isEmpty else { return }
        let width = columns * 2
        let rowsEnd = Int(starts[cells.upperBound])
        var batchStart = Int(starts[cells.lowerBound])
        let values = context.scratch.allocate(batchSize)
        let keys = context.scratch.allocate(batchSize)
        while batchStart < rowsEnd {
            let rows = batchStart..<min(rowsEnd, batchStart + batchSize)
            for indicator in selected {
                if let breakdown = indicator.breakdown {
                    let mark = context.scratch.mark
                    breakdown.field.evaluate(rows, keys, context)
                    context.scratch.release(to: mark)
                }
                for (part, program) in [indicator.numerator, indicator.denominator].enumerated() {
                    guard let program else { continue }
                    let mark = context.scratch.mark
                    program.evaluate(rows, values, context)
                    context.scratch.release(to: mark)
                    // Add each cell's share of the batch.
                    var cell = cells.lowerBound
                    var row = rows.lowerBound
                    while row < rows.upperBound {
                        while Int(starts[cell + 1]) <= row { cell += 1 }
                        let end = min(rows.upperBound, Int(starts[cell + 1]))
                        let base = cell * width + indicator.firstColumn * 2 + part
                        let span = (row - rows.lowerBound)..<(end - rows.lowerBound)
                        if let breakdown = indicator.breakdown {
                            Self.addByValue(values, keys, span, breakdown, counters, base: base)
                        } else {
                            var sum: Int64 = 0
                            for i in span { sum &+= values[i] == missingValue ? 0 : values[i] }
                            counters[base] &+= sum
                        }
                        row = end
                    }
                }
            }
            batchStart = rows.upperBound
        }
    }

    /// Adds each row's value to the column of its word (or of every word in its set).
    @inline(__always)
    private static func addByValue(_ values: UnsafeMutablePointer<Int64>, _ keys: UnsafeMutablePointer<Int64>,
                                   _ span: Range<Int>, _ breakdown: BreakdownProgram,
                                   _ counters: UnsafeMutableBufferPointer<Int64>, base: Int) {
        for i in span {
            let value = values[i]
            let key = keys[i]
            guard value != missingValue, value != 0, key != missingValue else { continue }
            if breakdown.isSet {
                var bits = UInt64(truncatingIfNeeded: key)
                while bits != 0 {
                    let word = bits.trailingZeroBitCount
                    if word < breakdown.valueCount { counters[base + word * 2] &+= value }
                    bits &= bits - 1
                }
            } else if key >= 1 && key <= Int64(breakdown.valueCount) {
                counters[base + Int(key - 1) * 2] &+= value
            }
        }
    }
}
