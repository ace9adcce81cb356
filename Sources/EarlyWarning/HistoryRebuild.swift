/// Recording a night that is not after every night already recorded (a
/// rerun, or a late run of an earlier date): every household's intervals are
/// read, the night is put in its place among the others, and only the rows
/// that differ are rewritten. Slower than `NightComparison`'s append, but it
/// leaves exactly the history the nights would have left in date order.
enum HistoryRebuild {
    struct Result {
        /// Every household's state on the latest night before tonight (nil when there is none).
        var previous: HouseholdSnapshot?
        var edit = HistoryEdit()
        /// The state on the latest night recorded, tonight included.
        var snapshot = HouseholdSnapshot()
    }

    /// - Parameters:
    ///   - hashes, states: tonight's households, ascending by hash.
    ///   - intervals: the whole history, ascending by household then `validFrom`.
    ///   - nights: the nights recorded before tonight's run (tonight may be among them), ascending.
    static func record(night: Int32, hashes: [HouseholdHash], states: [HouseholdState],
                       intervals: [HouseholdInterval], nights: [Int32]) -> Result {
        let earlier = nights.last { $0 < night }
        let next = nights.first { $0 > night }
        var result = Result()
        var previous = HouseholdSnapshot()
        var i = 0, k = 0
        while i < hashes.count || k < intervals.count {
            let household: HouseholdHash
            if k >= intervals.count || (i < hashes.count && hashes[i] <= intervals[k].household) {
                household = hashes[i]
            } else {
                household = intervals[k].household
            }
            var old: [HouseholdInterval] = []
            while k < intervals.count && intervals[k].household == household {
                old.append(intervals[k])
                k += 1
            }
            var state: HouseholdState?
            if i < hashes.count && hashes[i] == household {
                state = states[i]
                i += 1
            }
            if let earlier, let before = old.first(where: { $0.validFrom <= earlier && ($0.validTo.map { $0 > earlier } ?? true) }) {
                previous.append(household, before.state, validFrom: before.validFrom)
            }
            let new = HouseholdTimeline.record(state, night: night, next: next, in: old, household: household)
            if new != old {
                for row in old where !new.contains(row) { result.edit.removed.append((household, row.validFrom)) }
                for row in new where !old.contains(row) { result.edit.added.append(row) }
            }
            if let open = new.last, open.validTo == nil {
                result.snapshot.append(household, open.state, validFrom: open.validFrom)
            }
        }
        result.previous = earlier == nil ? nil : previous
        return result
    }
}
