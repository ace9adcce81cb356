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

    static let recordSize = 16 + 4 + HouseholdState.size

    /// The BLOB: one fixed-size record per household (hash, valid_from, state), big-endian.
    public func encoded() -> [UInt8] {
        let size = Self.recordSize
        return [UInt8](unsafeUninitializedCapacity: count * size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for i in 0..<count {
                let offset = i * size
                func put<T: FixedWidthInteger>(_ value: T, _ at: Int) {
                    raw.storeBytes(of: value.bigEndian, toByteOffset: offset + at, as: T.self)
                }
                let state = states[i]
                put(hashes[i].high, 0)
                put(hashes[i].low, 8)
                put(validFrom[i], 16)
                put(state.category, 20)
                put(state.monitoringType, 21)
                put(state.riskStatus, 22)
                put(state.clueOutcome, 23)
                put(state.signals, 24)
                put(state.members, 26)
                put(state.village, 28)
                put(state.clueDate, 36)
                put(state.income, 40)
            }
            initialized = count * size
        }
    }

    /// Reads a BLOB written by `encoded()`, in `threads` pieces at once; nil when its size is not a whole number
    /// of records.
    public init?(encoded bytes: UnsafeRawBufferPointer, threads: Int = 1) {
        guard bytes.count % Self.recordSize == 0 else { return nil }
        let count = bytes.count / Self.recordSize
        let piece = 65_536
        hashes = [HouseholdHash](unsafeUninitializedCapacity: count) { hashBuffer, hashCount in
            validFrom = [Int32](unsafeUninitializedCapacity: count) { fromBuffer, fromCount in
                states = [HouseholdState](unsafeUninitializedCapacity: count) { stateBuffer, stateCount in
                    nonisolated(unsafe) let (hashes, from, states) = (hashBuffer, fromBuffer, stateBuffer)
                    nonisolated(unsafe) let bytes = bytes
                    _ = parallelMap(count: (count + piece - 1) / piece, workers: threads) { index in
                        for record in (index * piece)..<min(count, (index + 1) * piece) {
                            let offset = record * Self.recordSize
                            func read<T: FixedWidthInteger>(_ at: Int, as type: T.Type) -> T {
                                T(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + at, as: T.self))
                            }
                            (hashes.baseAddress! + record).initialize(
                                to: HouseholdHash(high: read(0, as: UInt64.self), low: read(8, as: UInt64.self)))
                            (from.baseAddress! + record).initialize(to: read(16, as: Int32.self))
                            (states.baseAddress! + record).initialize(
                                to: HouseholdState(decoding: bytes, at: offset + 20))
                        }
                    }
                    stateCount = count
                }
                fromCount = count
            }
            hashCount = count
        }
    }
}
