internal import CPrefetch

/// An open-addressing hash from a non-negative 64-bit key to a dense row index.
///
/// Flat arrays of keys and values in memory it owns, linear probing, load ≤ 0.5
/// (it doubles when fuller):
/// a look-up is a multiply, a shift and usually one cache line. `Lookup` is a
/// plain view of it for hot loops (no reference counting per call).
public final class KeyIndex: @unchecked Sendable {
    private static let empty = Int64.min
    private var keys: UnsafeMutablePointer<Int64>
    private var values: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var shift: UInt64
    public private(set) var count = 0

    /// An index sized for at least `expected` keys.
    public init(expected: Int) {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < expected * 2 { capacity <<= 1; bits += 1 }
        self.capacity = capacity
        shift = 64 - bits
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Self.empty, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: -1, count: capacity)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// Adds `key → value` unless the key is present; returns the earlier value when it is.
    @inline(__always)
    public func insert(_ key: Int64, _ value: Int32) -> Int32? {
        if count >= capacity / 2 { grow() }
        let mask = capacity - 1
        var s = Lookup.slot(of: key, shift: shift)
        while true {
            let existing = keys[s]
            if existing == Self.empty {
                keys[s] = key
                values[s] = value
                count += 1
                return nil
            }
            if existing == key { return values[s] }
            s = (s + 1) & mask
        }
    }

    /// Starts loading the slot of `key` into the cache (for a later `insert` or look-up).
    @inline(__always)
    public func prefetch(_ key: Int64) {
        bottomline_prefetch(keys + Lookup.slot(of: key, shift: shift))
    }

    /// Doubles the table and puts every key in its new place.
    private func grow() {
        let (oldKeys, oldValues, oldCapacity) = (keys, values, capacity)
        capacity *= 2
        shift -= 1
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Self.empty, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: -1, count: capacity)
        count = 0
        for s in 0..<oldCapacity where oldKeys[s] != Self.empty { _ = insert(oldKeys[s], oldValues[s]) }
        oldKeys.deallocate()
        oldValues.deallocate()
    }

    /// The row index of `key`, or nil.
    public func lookup(_ key: Int64) -> Int32? { lookupView.lookup(key) }

    /// A plain view for look-ups in hot loops; valid while this index lives and no key is inserted.
    public var lookupView: Lookup { Lookup(keys: keys, values: values, mask: capacity - 1, shift: shift) }

    /// Read-only look-ups over a `KeyIndex`'s memory.
    public struct Lookup: @unchecked Sendable {
        let keys: UnsafePointer<Int64>
        let values: UnsafePointer<Int32>
        let mask: Int
        let shift: UInt64

        @inline(__always)
        static func slot(of key: Int64, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// Starts loading the slot of `key` into the cache.
        @inline(__always)
        public func prefetch(_ key: Int64) {
            bottomline_prefetch(keys + Self.slot(of: key, shift: shift))
        }

        /// The row index of `key`, or nil.
        @inline(__always)
        public func lookup(_ key: Int64) -> Int32? {
            var s = Self.slot(of: key, shift: shift)
            while true {
                let existing = keys[s]
                if existing == key { return values[s] }
                if existing == KeyIndex.empty { return nil }
                s = (s + 1) & mask
            }
        }
    }
}
