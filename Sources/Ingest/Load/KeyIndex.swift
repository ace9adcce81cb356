internal import CPrefetch

/// An open-addressing hash from a non-negative 64-bit key to its dense row
/// index (the order keys were inserted in).
///
/// Each slot is 8 bytes: a 32-bit fingerprint of the key and the row. A
/// look-up reads one slot (usually one cache line, which `prefetch` can load
/// ahead) and confirms a fingerprint match against the key of that row, which
/// for feeds sent in roster order is a nearly sequential read. Linear probing,
/// load ≤ 0.7; the table doubles when fuller. `Lookup` is a plain view of it
/// for hot loops (no reference counting per call).
public final class KeyIndex: @unchecked Sendable {
    private static let maximumLoad = 0.7
    private var slots: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private var shift: UInt64
    /// Key of each row, in insertion order.
    private var rowKeys: UnsafeMutablePointer<Int64>
    private var rowCapacity: Int
    public private(set) var count = 0

    /// An index sized for about `expected` keys (it grows when more come).
    public init(expected: Int) {
        var capacity = 16
        var bits: UInt64 = 4
        while Double(capacity) * Self.maximumLoad < Double(max(expected, 1)) { capacity <<= 1; bits += 1 }
        self.capacity = capacity
        shift = 64 - bits
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        rowCapacity = max(expected, 16)
        rowKeys = .allocate(capacity: rowCapacity)
    }

    deinit {
        slots.deallocate()
        rowKeys.deallocate()
    }

    /// Adds `key` as the next row unless it is present; returns the earlier row when it is.
    @inline(__always)
    public func insert(_ key: Int64) -> Int32? {
        if Double(count + 1) > Double(capacity) * Self.maximumLoad { grow() }
        if count == rowCapacity { growRows() }
        let (slot, fingerprint) = Lookup.hash(key, shift: shift)
        var s = slot
        while true {
            let entry = slots[s]
            if entry == 0 {
                rowKeys[count] = key
                slots[s] = UInt64(fingerprint) << 32 | UInt64(count + 1)
                count += 1
                return nil
            }
            if UInt32(truncatingIfNeeded: entry >> 32) == fingerprint {
                let row = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if rowKeys[row] == key { return Int32(row) }
            }
            s = (s + 1) & (capacity - 1)
        }
    }

    /// Starts loading the slot of `key` into the cache (for a later `insert` or look-up).
    @inline(__always)
    public func prefetch(_ key: Int64) { lookupView.prefetch(key) }

    /// The row of `key`, or nil.
    public func lookup(_ key: Int64) -> Int32? { lookupView.lookup(key) }

    /// A plain view for look-ups in hot loops; valid while this index lives and no key is inserted.
    public var lookupView: Lookup { Lookup(slots: slots, rowKeys: rowKeys, rows: count, mask: capacity - 1, shift: shift) }

    private func place(_ key: Int64, row: Int) {
        let (slot, fingerprint) = Lookup.hash(key, shift: shift)
        var s = slot
        while slots[s] != 0 { s = (s + 1) & (capacity - 1) }
        slots[s] = UInt64(fingerprint) << 32 | UInt64(row + 1)
    }

    /// Doubles the table and puts every row in its new place.
    private func grow() {
        slots.deallocate()
        capacity *= 2
        shift -= 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        for row in 0..<count { place(rowKeys[row], row: row) }
    }

    private func growRows() {
        let larger = UnsafeMutablePointer<Int64>.allocate(capacity: rowCapacity * 2)
        larger.update(from: rowKeys, count: count)
        rowKeys.deallocate()
        rowKeys = larger
        rowCapacity *= 2
    }

    /// Read-only look-ups over a `KeyIndex`'s memory.
    public struct Lookup: @unchecked Sendable {
        let slots: UnsafePointer<UInt64>
        let rowKeys: UnsafePointer<Int64>
        /// Rows in the index.
        let rows: Int
        let mask: Int
        let shift: UInt64

        /// The slot a key starts probing at, and its fingerprint.
        @inline(__always)
        static func hash(_ key: Int64, shift: UInt64) -> (slot: Int, fingerprint: UInt32) {
            let h = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
            return (Int(truncatingIfNeeded: h >> shift), UInt32(truncatingIfNeeded: ((h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 32))
        }

        /// Starts loading the slot of `key` into the cache.
        @inline(__always)
        public func prefetch(_ key: Int64) {
            bottomline_prefetch(slots + Self.hash(key, shift: shift).slot)
        }

        /// The row of `key` when it is row `hint` or one of the next few, else
        /// nil, without hashing: rows of a feed sent in roster order refer to
        /// the row the previous one referred to or one shortly after it (a
        /// sector feed skips the persons it has nothing on).
        @inline(__always)
        public func nearby(_ key: Int64, _ hint: Int32) -> Int32? {
            var row = Int(hint)
            guard row >= 0 else { return nil }
            let end = min(rows, row + Self.nearbyRows)
            while row < end {
                if rowKeys[row] == key { return Int32(truncatingIfNeeded: row) }
                row += 1
            }
            return nil
        }

        /// Rows `nearby` compares: one cache line of keys.
        static let nearbyRows = 8

        /// The row of `key`, or nil.
        @inline(__always)
        public func lookup(_ key: Int64) -> Int32? {
            let (slot, fingerprint) = Self.hash(key, shift: shift)
            var s = slot
            while true {
                let entry = slots[s]
                if entry == 0 { return nil }
                if UInt32(truncatingIfNeeded: entry >> 32) == fingerprint {
                    let row = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if rowKeys[row] == key { return Int32(row) }
                }
                s = (s + 1) & mask
            }
        }
    }
}
