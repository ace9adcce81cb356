/// One row of the household history: the household's state from
/// `validFrom` (a night) up to, not including, `validTo` — the first later
/// night on which it differed or was absent — or open (nil) while it holds.
public struct HouseholdInterval: Equatable, Sendable {
    public var household: HouseholdHash
    /// Day numbers.
    public var validFrom: Int32
    public var validTo: Int32?
    public var state: HouseholdState

    public init(household: HouseholdHash, validFrom: Int32, validTo: Int32?, state: HouseholdState) {
        self.household = household
        self.validFrom = validFrom
        self.validTo = validTo
        self.state = state
    }
}

/// What one night changes in the history table: rows closed (their
/// `valid_to` set), rows removed and rows added. Rows are named by
/// (household, valid_from), the table's key.
public struct HistoryEdit: Sendable {
    public var closed: [(household: HouseholdHash, validFrom: Int32, validTo: Int32)] = []
    public var removed: [(household: HouseholdHash, validFrom: Int32)] = []
    public var added: [HouseholdInterval] = []

    public init() {}

    /// Rows touched.
    public var count: Int { closed.count + removed.count + added.count }
}

/// A household's intervals changed by one night, as a pure function: the
/// history after it is the same whatever order the nights came in, because
/// the intervals are always the maximal runs of equal states over the nights
/// recorded.
enum HouseholdTimeline {
    /// `intervals` (by `validFrom`) after recording `state` (nil = absent) on night `night`, whose next
    /// recorded night is `next` (nil when it is the latest).
    static func record(_ state: HouseholdState?, night: Int32, next: Int32?, in intervals: [HouseholdInterval],
                       household: HouseholdHash) -> [HouseholdInterval] {
        var list: [HouseholdInterval] = []
        for interval in intervals {
            var pieces = [interval]
            // Split at the night and at the next night, so [night, next) is one piece of its own.
            for cut in [night, next].compactMap({ $0 }) {
                pieces = pieces.flatMap { piece -> [HouseholdInterval] in
                    guard piece.validFrom < cut, piece.validTo.map({ $0 > cut }) ?? true else { return [piece] }
                    var before = piece, after = piece
                    before.validTo = cut
                    after.validFrom = cut
                    return [before, after]
                }
            }
            list += pieces.filter { $0.validFrom != night }
        }
        if let state {
            list.append(HouseholdInterval(household: household, validFrom: night, validTo: next, state: state))
        }
        list.sort { $0.validFrom < $1.validFrom }
        var merged: [HouseholdInterval] = []
        for interval in list {
            if var last = merged.last, last.validTo == interval.validFrom, last.state == interval.state {
                last.validTo = interval.validTo
                merged[merged.count - 1] = last
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    /// The state holding on `night`, if any.
    static func state(on night: Int32, in intervals: [HouseholdInterval]) -> HouseholdState? {
        intervals.first { $0.validFrom <= night && ($0.validTo.map { $0 > night } ?? true) }?.state
    }
}
