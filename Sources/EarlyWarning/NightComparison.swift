import Engine
import Ingest

/// The flows a night counts, one column each, in output order.
public enum Flow: Int, CaseIterable, Sendable {
    case newClues, newInclusions, newEliminations, returns, leftRoster, incomeFalls
    case pendingWithin, pendingOverdue, pendingLongOverdue

    /// Whether it compares tonight with the previous night (else it is tonight's alone).
    var needsHistory: Bool { rawValue <= Flow.incomeFalls.rawValue }
}

/// Tonight's households against the previous night's, household by household
/// (a merge of two hash-sorted lists): the flows counted per roster cell (and
/// per village for households that left), the households behind the
/// restricted lists, and — when tonight is the latest night — the history
/// rows to write and the changes to the current state. The merge runs in
/// pieces of the hash range on all threads; the pieces' results are joined
/// in hash order, so they do not depend on the number of threads.
struct NightComparison {
    /// `cellCounts[cell * Flow.allCases.count + flow]`.
    var cellCounts: [Int64]
    /// Households that left, by the village they were in: `villageCounts[village * flows + flow]`.
    var villageCounts: [Int64]
    /// Households that left from a village no longer in `villages.csv` (counted at the province only).
    var leftUnplaced: Int64 = 0
    /// Positions (roster order) of returns, overdue clues and income falls.
    var returns: [Int] = []
    var overdue: [Int] = []
    var incomeFalls: [Int] = []
    /// Income tonight and on the previous night, in fen, for each income fall.
    var fallIncomes: [(before: Int64, after: Int64)] = []
    /// The history rows and tonight's changes against `previous` (only when `extend` was asked): the new
    /// state is `previous` with `changes` applied, built only if the whole state must be written.
    var edit = HistoryEdit()
    var changes = HouseholdSnapshot()

    /// - Parameters:
    ///   - facts: tonight's households (roster order); `order` sorts them by `hashes`.
    ///   - previous: the previous night's snapshot, nil on the first night.
    ///   - extend: write the history as tonight being the latest night (the previous snapshot is the latest).
    init(facts: HouseholdFacts, hashes: [HouseholdHash], order: [Int32], previous: HouseholdSnapshot?, night: Int32,
         settings: EarlyWarningSettings, cellCount: Int, extend: Bool, threads: Int) {
        let old = previous ?? HouseholdSnapshot()
        let merge = Merge(facts: facts, hashes: hashes, order: order, old: old, hasPast: previous != nil, night: night,
                          settings: settings, extend: extend)
        let pieces = merge.pieces(count: max(1, threads))
        let results = parallelMap(count: pieces.count, workers: threads) { index in
            var part = NightComparison(cellCount: cellCount, villageCount: facts.villageCodes.count)
            part.run(merge, tonight: pieces[index].tonight, old: pieces[index].old)
            return part
        }
        self.init(cellCount: cellCount, villageCount: facts.villageCodes.count)
        for part in results { absorb(part) }
    }

    private init(cellCount: Int, villageCount: Int) {
        cellCounts = [Int64](repeating: 0, count: cellCount * Flow.allCases.count)
        villageCounts = [Int64](repeating: 0, count: villageCount * Flow.allCases.count)
    }

    /// Adds a piece that follows this one in hash order.
    private mutating func absorb(_ part: NightComparison) {
        for index in cellCounts.indices { cellCounts[index] += part.cellCounts[index] }
        for index in villageCounts.indices { villageCounts[index] += part.villageCounts[index] }
        leftUnplaced += part.leftUnplaced
        returns += part.returns
        overdue += part.overdue
        incomeFalls += part.incomeFalls
        fallIncomes += part.fallIncomes
        edit.closed += part.edit.closed
        edit.added += part.edit.added
        changes.appendRun(of: part.changes, 0..<part.changes.count)
    }

    /// Merges tonight's households at `tonight` (positions in hash order) with the old ones at `old`.
    private mutating func run(_ merge: Merge, tonight: Range<Int>, old oldRange: Range<Int>) {
        let width = Flow.allCases.count
        let old = merge.old, order = merge.order, night = merge.night
        // Tonight's hashes, states and cells gathered in hash order once, in tight loops that overlap their
        // cache misses, so the merge below reads memory in sequence.
        let sortedHashes = tonight.map { merge.hashes[Int(order[$0])] }
        let sortedStates = tonight.map { HouseholdState(merge.facts, household: Int(order[$0])) }
        let sortedCells = tonight.map { merge.facts.cells[Int(order[$0])] }
        var i = 0, j = oldRange.lowerBound
        let end = tonight.count, oldEnd = oldRange.upperBound
        while i < end || j < oldEnd {
            if i < end, j >= oldEnd || sortedHashes[i] < old.hashes[j] {
                count(Int(order[tonight.lowerBound + i]), cell: sortedCells[i], now: sortedStates[i], before: nil, merge)
                if merge.extend { opened(sortedHashes[i], sortedStates[i], night) }
                i += 1
            } else if i >= end || old.hashes[j] < sortedHashes[i] {
                let flow = Flow.leftRoster.rawValue
                if let row = merge.villageRow[old.states[j].village] {
                    villageCounts[row * width + flow] += 1
                } else {
                    leftUnplaced += 1
                }
                if merge.extend {
                    edit.closed.append((old.hashes[j], old.validFrom[j], night))
                    changes.appendDeparture(old.hashes[j])
                }
                j += 1
            } else {
                count(Int(order[tonight.lowerBound + i]), cell: sortedCells[i], now: sortedStates[i],
                      before: old.states[j], merge)
                if merge.extend && old.states[j] != sortedStates[i] {
                    edit.closed.append((old.hashes[j], old.validFrom[j], night))
                    opened(sortedHashes[i], sortedStates[i], night)
                }
                i += 1
                j += 1
            }
        }
    }

    private mutating func opened(_ hash: HouseholdHash, _ state: HouseholdState, _ night: Int32) {
        edit.added.append(HouseholdInterval(household: hash, validFrom: night, validTo: nil, state: state))
        changes.append(hash, state, validFrom: night)
    }

    private mutating func count(_ h: Int, cell: Int32, now: HouseholdState, before: HouseholdState?,
                                _ merge: Merge) {
        let settings = merge.settings, night = merge.night
        let base = Int(cell) * Flow.allCases.count
        func add(_ flow: Flow) { cellCounts[base + flow.rawValue] += 1 }
        if now.clueOutcome == Words.pending, now.clueDate != DayNumber.missing {
            let age = Int(night) - Int(now.clueDate)
            if age <= settings.overdueDays {
                add(.pendingWithin)
            } else {
                add(age <= settings.pendingBandDays ? .pendingOverdue : .pendingLongOverdue)
                overdue.append(h)
            }
        }
        guard merge.hasPast else { return }
        let monitoredNow = now.category == Words.monitored
        let monitoredBefore = before?.category == Words.monitored
        if now.clueDate != DayNumber.missing && before?.clueDate != now.clueDate { add(.newClues) }
        if monitoredNow && !monitoredBefore { add(.newInclusions) }
        let eliminatedNow = monitoredNow && now.riskStatus == Words.eliminated
        let eliminatedBefore = monitoredBefore && before?.riskStatus == Words.eliminated
        if eliminatedNow && !eliminatedBefore { add(.newEliminations) }
        guard let before else { return }
        let atRiskNow = monitoredNow && now.riskStatus == Words.notEliminated
        if eliminatedBefore && before.signals == 0 && (atRiskNow || now.signals != 0) {
            add(.returns)
            returns.append(h)
        }
        if before.income > 0, Self.fell(from: before.income, to: now.income, share: merge.fallShare) {
            add(.incomeFalls)
            incomeFalls.append(h)
            fallIncomes.append((before.income, now.income))
        }
    }

    /// Whether `after` is at least `share` (millionths) below `before`, in exact integer arithmetic.
    static func fell(from before: Int64, to after: Int64, share: Int64) -> Bool {
        let drop = (before - after).multipliedReportingOverflow(by: 1_000_000)
        let limit = before.multipliedReportingOverflow(by: share)
        guard !drop.overflow, !limit.overflow else {
            return Double(before - after) * 1_000_000 >= Double(before) * Double(share)
        }
        return drop.partialValue >= limit.partialValue
    }
}

/// What every piece of the merge reads.
private struct Merge: @unchecked Sendable {  // read only while the pieces run
    let facts: HouseholdFacts
    let hashes: [HouseholdHash]
    let order: [Int32]
    let old: HouseholdSnapshot
    let hasPast: Bool
    let night: Int32
    let settings: EarlyWarningSettings
    let extend: Bool
    /// The income fall share in millionths.
    let fallShare: Int64
    /// Feed row of each village code.
    let villageRow: [Int64: Int]

    init(facts: HouseholdFacts, hashes: [HouseholdHash], order: [Int32], old: HouseholdSnapshot, hasPast: Bool,
         night: Int32, settings: EarlyWarningSettings, extend: Bool) {
        (self.facts, self.hashes, self.order, self.old, self.hasPast) = (facts, hashes, order, old, hasPast)
        (self.night, self.settings, self.extend) = (night, settings, extend)
        fallShare = Int64((settings.incomeFallShare * 1_000_000).rounded())
        var villageRow: [Int64: Int] = [:]
        for (row, code) in facts.villageCodes.enumerated() { villageRow[code] = row }
        self.villageRow = villageRow
    }

    /// `count` pieces of tonight's households in hash order, each with the old households from its first
    /// hash to the next piece's (the first and last open-ended).
    func pieces(count wanted: Int) -> [(tonight: Range<Int>, old: Range<Int>)] {
        let size = max(1, (order.count + wanted - 1) / wanted)
        let starts = Array(stride(from: 0, to: order.count, by: size))
        var pieces: [(tonight: Range<Int>, old: Range<Int>)] = []
        var oldStart = 0
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : order.count
            let oldEnd = end < order.count ? old.firstIndex(notBelow: hashes[Int(order[end])], from: oldStart) : old.count
            pieces.append((start..<end, oldStart..<oldEnd))
            oldStart = oldEnd
        }
        if pieces.isEmpty { pieces.append((0..<0, 0..<old.count)) }
        return pieces
    }
}
