import Ingest

/// Counts every indicator for every village, in parallel over slices of villages.
///
/// Rows are laid out by village, so each worker owns a contiguous range of
/// villages: it evaluates the programs batch by batch over its households and
/// persons and adds numerators and denominators into its own villages'
/// counters. Counters are integers, so the result is the same for any thread count.
struct IndicatorCounter {
    let roster: Roster
    let indicators: [CompiledIndicator]
    /// Derived fields cached per batch.
    let cacheSlots: Int
    let threads: Int
    /// Rows per batch: large enough to amortise walking the program, small enough to stay in cache.
    let batchSize = 2048

    /// `counters[(village * indicators.count + indicator) * 2 + 0/1]` = numerator / denominator.
    func count() -> [Int64] {
        let width = indicators.count * 2
        var counters = [Int64](repeating: 0, count: roster.villageCount * width)
        let slices = villageSlices()
        counters.withUnsafeMutableBufferPointer { counters in
            nonisolated(unsafe) let counters = counters
            roster.personHousehold.withUnsafeBufferPointer { personHousehold in
                roster.memberStart.withUnsafeBufferPointer { memberStart in
                    nonisolated(unsafe) let links = (personHousehold.baseAddress!, memberStart.baseAddress!)
                    _ = parallelSlices(slices.count) { slice in
                        let context = EvaluationContext(personHousehold: links.0, memberStart: links.1, scratch: Scratch(),
                                                    cache: BatchCache(slots: cacheSlots))
                        let villages = slices[slice]
                        countRows(of: .household, villages: villages, starts: roster.villageHouseholdStart, context, counters)
                        countRows(of: .person, villages: villages, starts: roster.villagePersonStart, context, counters)
                    }
                }
            }
        }
        return counters
    }

    private func parallelSlices(_ count: Int, _ body: (Int) -> Void) -> [Void] {
        parallelMap(count: count, workers: threads, body)
    }

    /// Contiguous village ranges of about equal numbers of persons, several per thread.
    private func villageSlices() -> [Range<Int>] {
        let pieces = max(1, min(roster.villageCount, threads * 8))
        let target = max(1, (roster.personCount + roster.householdCount) / pieces)
        var slices: [Range<Int>] = []
        var start = 0
        var weight = 0
        for v in 0..<roster.villageCount {
            weight += Int(roster.villagePersonStart[v + 1] - roster.villagePersonStart[v])
                + Int(roster.villageHouseholdStart[v + 1] - roster.villageHouseholdStart[v])
            if weight >= target {
                slices.append(start..<(v + 1))
                start = v + 1
                weight = 0
            }
        }
        if start < roster.villageCount || slices.isEmpty { slices.append(start..<roster.villageCount) }
        return slices
    }

    /// Evaluates the indicators of `entity` over the rows of `villages` and adds them to their villages.
    private func countRows(of entity: Entity, villages: Range<Int>, starts: [Int32], _ context: EvaluationContext,
                           _ counters: UnsafeMutableBufferPointer<Int64>) {
        let selected = indicators.indices.filter { indicators[$0].definition.entity == entity }
        guard !selected.isEmpty, !villages.isEmpty else { return }
        let width = indicators.count * 2
        let rowsEnd = Int(starts[villages.upperBound])
        var batchStart = Int(starts[villages.lowerBound])
        let values = context.scratch.allocate(batchSize)
        while batchStart < rowsEnd {
            let rows = batchStart..<min(rowsEnd, batchStart + batchSize)
            for k in selected {
                for (part, program) in [indicators[k].numerator, indicators[k].denominator].enumerated() {
                    guard let program else { continue }
                    let mark = context.scratch.mark
                    program.evaluate(rows, values, context)
                    context.scratch.release(to: mark)
                    // Add each village's share of the batch.
                    var village = villages.lowerBound
                    var row = rows.lowerBound
                    while row < rows.upperBound {
                        while Int(starts[village + 1]) <= row { village += 1 }
                        let end = min(rows.upperBound, Int(starts[village + 1]))
                        var sum: Int64 = 0
                        for r in row..<end { sum &+= values[r - rows.lowerBound] == missingValue ? 0 : values[r - rows.lowerBound] }
                        counters[(village * width) + k * 2 + part] &+= sum
                        row = end
                    }
                }
            }
            batchStart = rows.upperBound
        }
    }
}
