/// A night's changes to the current state, kept as a snapshot of their own:
/// the households whose interval opened tonight (their new state and
/// `valid_from`) and, marked `departed`, those that left the roster. Writing
/// these few records instead of the whole state keeps a night's write small;
/// the state of the latest night is the base snapshot with the nights'
/// changes applied in date order.
extension HouseholdSnapshot {
    /// The `valid_from` that marks a household that left the roster (no day is this early).
    public static let departed = Int32.min

    /// Adds a household that left the roster; hashes must come in ascending order.
    mutating func appendDeparture(_ hash: HouseholdHash) {
        append(hash, HouseholdState(category: 0, monitoringType: 0, riskStatus: 0, clueOutcome: 0, signals: 0,
                                    members: 0, village: 0, clueDate: 0, income: 0),
               validFrom: Self.departed)
    }

    /// This state with `changes` applied, oldest first: a household's latest change wins, a
    /// departure removes it.
    public func applying(_ changes: [HouseholdSnapshot]) -> HouseholdSnapshot {
        changes.isEmpty ? self : overlaid(by: Self.combined(changes), keepDepartures: false)
    }

    /// Several nights' changes, oldest first, as one: a household's latest change wins, departures kept.
    static func combined(_ changes: [HouseholdSnapshot]) -> HouseholdSnapshot {
        guard var combined = changes.first else { return HouseholdSnapshot() }
        for later in changes.dropFirst() { combined = combined.overlaid(by: later, keepDepartures: true) }
        return combined
    }

    /// Both snapshots merged by hash, `newer`'s record winning; departures are kept as records
    /// or drop the household. The households between two of `newer`'s are copied as one run.
    private func overlaid(by newer: HouseholdSnapshot, keepDepartures: Bool) -> HouseholdSnapshot {
        var merged = HouseholdSnapshot()
        merged.reserve(count + newer.count)
        var i = 0
        for j in 0..<newer.count {
            let hash = newer.hashes[j]
            let end = firstIndex(notBelow: hash, from: i)
            merged.appendRun(of: self, i..<end)
            i = end
            if i < count && hashes[i] == hash { i += 1 }
            if keepDepartures || newer.validFrom[j] != Self.departed {
                merged.append(hash, newer.states[j], validFrom: newer.validFrom[j])
            }
        }
        merged.appendRun(of: self, i..<count)
        return merged
    }

    /// The first position at or after `start` whose hash is not below `hash` (binary search).
    func firstIndex(notBelow hash: HouseholdHash, from start: Int) -> Int {
        var low = start, high = count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
