import Ingest

/// Every household's state on one night, sorted by hash, with the date its
/// current validity interval started: the compact current state the warehouse
/// keeps beside the history (one BLOB), so a night compares itself with the
/// previous one in one read instead of millions of rows.
public struct HouseholdSnapshot: Sendable {
    public private(set) var hashes: [HouseholdHash] = []
    public private(set) var states: [HouseholdState] = []
    /// Day number on which each household's current interval began (its `valid_from`).
    public private(set) var validFrom: [Int32] = []

    public init() {}

    init(hashes: [HouseholdHash], states: [HouseholdState], validFrom: [Int32]) {
        self.hashes = hashes
        self.states = states
        self.validFrom = validFrom
    }

    public var count: Int { hashes.count }

    /// Makes room for `capacity` households.
    mutating func reserve(_ capacity: Int) {
        hashes.reserveCapacity(capacity)
        states.reserveCapacity(capacity)
        validFrom.reserveCapacity(capacity)
    }

    /// Adds a household; hashes must come in ascending order.
    public mutating func append(_ hash: HouseholdHash, _ state: HouseholdState, validFrom day: Int32) {
        precondition(hashes.last.map { $0 < hash } ?? true, "snapshot hashes must ascend")
        hashes.append(hash)
        states.append(state)
        validFrom.append(day)
    }

    /// Adds the households at `range` of `other`, which must come after this snapshot's last one.
    mutating func appendRun(of other: HouseholdSnapshot, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        precondition(hashes.last.map { $0 < other.hashes[range.lowerBound] } ?? true, "snapshot hashes must ascend")
        hashes.append(contentsOf: other.hashes[range])
        states.append(contentsOf: other.states[range])
        validFrom.append(contentsOf: other.validFrom[range])
    }

    /// The position of `hash`, if present (binary search).
    public func index(of hash: HouseholdHash) -> Int? {
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash ? low : nil
    }
}
