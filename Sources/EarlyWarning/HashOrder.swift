/// Sorting millions of household hashes fast: hashes are uniformly random,
/// so a least-significant-digit radix sort on the high 64 bits (8 passes of
/// one byte) takes a fraction of a comparison sort's time; equal high halves
/// (practically never) are then ordered by the low half.
enum HashOrder {
    /// Positions of `hashes` in ascending hash order.
    static func ascending(_ hashes: [HouseholdHash]) -> [Int32] {
        let count = hashes.count
        var order = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = Int32(i) }
            initialized = count
        }
        var keys = hashes.map(\.high)
        var otherOrder = order, otherKeys = keys
        for pass in 0..<8 {
            let shift = UInt64(pass * 8)
            var starts = [Int](repeating: 0, count: 257)
            for key in keys { starts[Int((key >> shift) & 0xFF) + 1] += 1 }
            for b in 0..<256 { starts[b + 1] += starts[b] }
            for i in 0..<count {
                let bucket = Int((keys[i] >> shift) & 0xFF)
                let target = starts[bucket]
                starts[bucket] += 1
                otherKeys[target] = keys[i]
                otherOrder[target] = order[i]
            }
            swap(&keys, &otherKeys)
            swap(&order, &otherOrder)
        }
        var i = 0
        while i < count {
            var j = i + 1
            while j < count && keys[j] == keys[i] { j += 1 }
            if j - i > 1 { order[i..<j].sort { hashes[Int($0)].low < hashes[Int($1)].low } }
            i = j
        }
        return order
    }
}
