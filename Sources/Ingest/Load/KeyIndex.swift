/// An open-addressing hash from a non-negative 64-bit key to a dense row index.
///
/// One flat array of keys and one of values, linear probing, load ≤ 0.5:
/// a look-up is a multiply, a shift and usually one cache line.
public struct KeyIndex: Sendable {
    private static let empty = Int64.min
    private var keys: [Int64]
    private var values: [Int32]
    private let mask: Int
    private let shift: Int
    public private(set) var count = 0

    /// An index sized for at least `expected` keys.
    public init(expected: Int) {
        var capacity = 16
        var bits = 4
        while capacity < expected * 2 { capacity <<= 1; bits += 1 }
        keys = Array(repeating: Self.empty, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        shift = 64 - bits
    }

    @inline(__always)
    private func slot(of key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// Adds `key → value` unless the key is present; returns the earlier value when it is.
    public mutating func insert(_ key: Int64, _ value: Int32) -> Int32? {
        precondition(Double(count + 1) <= Double(keys.count) * 0.75, "KeyIndex sized too small")
        var s = slot(of: key)
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

    /// The row index of `key`, or nil.
    @inline(__always)
    public func lookup(_ key: Int64) -> Int32? {
        var s = slot(of: key)
        while true {
            let existing = keys[s]
            if existing == key { return values[s] }
            if existing == Self.empty { return nil }
            s = (s + 1) & mask
        }
    }
}
