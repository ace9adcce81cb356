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
/// rows to write and the changes to the current state.
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
    ///   - tonight: tonight's state of each household (roster order); `order` sorts them by `hashes`.
    ///   - previous: the previous night's snapshot, nil on the first night.
    ///   - extend: write the history as tonight being the latest night (the previous snapshot is the latest).
    init(facts: HouseholdFacts, tonight: [HouseholdState], hashes: [HouseholdHash], order: [Int32],
         previous: HouseholdSnapshot?, night: Int32, settings: EarlyWarningSettings, cellCount: Int, extend: Bool) {
        let width = Flow.allCases.count
        cellCounts = [Int64](repeating: 0, count: cellCount * width)
        villageCounts = [Int64](repeating: 0, count: facts.villageCodes.count * width)
        var villageRow: [Int64: Int] = [:]
        for (row, code) in facts.villageCodes.enumerated() { villageRow[code] = row }
        let fallShare = Int64((settings.incomeFallShare * 1_000_000).rounded())
        let old = previous ?? HouseholdSnapshot()
        // Tonight's hashes, states and cells gathered in hash order once, in tight loops that overlap their
        // cache misses, so the merge below reads memory in sequence.
        let sortedHashes = order.map { hashes[Int($0)] }
        let sortedStates = order.map { tonight[Int($0)] }
        let sortedCells = order.map { facts.cells[Int($0)] }
        var i = 0, j = 0
        while i < order.count || j < old.count {
            if i < order.count, j >= old.count || sortedHashes[i] < old.hashes[j] {
                let here = Int(order[i])
                count(here, cell: sortedCells[i], now: sortedStates[i], before: nil, night, settings, fallShare,
                      hasPast: previous != nil)
                if extend { opened(sortedHashes[i], sortedStates[i], night) }
                i += 1
            } else if i >= order.count || old.hashes[j] < sortedHashes[i] {
                let flow = Flow.leftRoster.rawValue
                if let row = villageRow[old.states[j].village] { villageCounts[row * width + flow] += 1 } else { leftUnplaced += 1 }
                if extend {
                    edit.closed.append((old.hashes[j], old.validFrom[j], night))
                    changes.appendDeparture(old.hashes[j])
                }
                j += 1
            } else {
                let here = Int(order[i])
                count(here, cell: sortedCells[i], now: sortedStates[i], before: old.states[j], night, settings, fallShare,
                      hasPast: true)
                if extend && old.states[j] != sortedStates[i] {
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

    private mutating func count(_ h: Int, cell: Int32, now: HouseholdState, before: HouseholdState?, _ night: Int32,
                                _ settings: EarlyWarningSettings, _ fallShare: Int64, hasPast: Bool) {
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
        guard hasPast else { return }
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
        if before.income > 0, Self.fell(from: before.income, to: now.income, share: fallShare) {
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
