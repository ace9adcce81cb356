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

    public var count: Int { hashes.count }

    /// Adds a household; hashes must come in ascending order.
    public mutating func append(_ hash: HouseholdHash, _ state: HouseholdState, validFrom day: Int32) {
        precondition(hashes.last.map { $0 < hash } ?? true, "snapshot hashes must ascend")
        hashes.append(hash)
        states.append(state)
        validFrom.append(day)
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

    static let recordSize = 16 + 4 + HouseholdState.size

    /// The BLOB: one fixed-size record per household (hash, valid_from, state), big-endian.
    public func encoded() -> [UInt8] {
        let size = Self.recordSize
        return [UInt8](unsafeUninitializedCapacity: count * size) { buffer, initialized in
            for i in 0..<count {
                var offset = i * size
                func put(_ value: UInt64, _ width: Int) {
                    for k in 0..<width { buffer[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * (width - 1 - k))) }
                    offset += width
                }
                let state = states[i]
                put(hashes[i].high, 8)
                put(hashes[i].low, 8)
                put(UInt64(UInt32(bitPattern: validFrom[i])), 4)
                put(UInt64(state.category), 1)
                put(UInt64(state.monitoringType), 1)
                put(UInt64(state.riskStatus), 1)
                put(UInt64(state.clueOutcome), 1)
                put(UInt64(state.signals), 2)
                put(UInt64(state.members), 2)
                put(UInt64(bitPattern: state.village), 8)
                put(UInt64(UInt32(bitPattern: state.clueDate)), 4)
                put(UInt64(bitPattern: state.income), 8)
            }
            initialized = count * size
        }
    }

    /// Reads a BLOB written by `encoded()`; nil when its size is not a whole number of records.
    public init?(encoded bytes: UnsafeRawBufferPointer) {
        guard bytes.count % Self.recordSize == 0 else { return nil }
        let count = bytes.count / Self.recordSize
        hashes.reserveCapacity(count)
        states.reserveCapacity(count)
        validFrom.reserveCapacity(count)
        for record in 0..<count {
            let offset = record * Self.recordSize
            var high: UInt64 = 0, low: UInt64 = 0, day: UInt32 = 0
            for i in 0..<8 { high = high << 8 | UInt64(bytes[offset + i]) }
            for i in 8..<16 { low = low << 8 | UInt64(bytes[offset + i]) }
            for i in 16..<20 { day = day << 8 | UInt32(bytes[offset + i]) }
            hashes.append(HouseholdHash(high: high, low: low))
            validFrom.append(Int32(bitPattern: day))
            states.append(HouseholdState(decoding: bytes, at: offset + 20))
        }
    }
}
