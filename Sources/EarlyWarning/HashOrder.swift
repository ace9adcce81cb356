/// Sorting millions of household hashes fast: hashes are uniformly random,
/// so a least-significant-digit radix sort on their top 32 bits (4 passes of
/// one byte, over 4-byte keys) takes a fraction of a comparison sort's time;
/// the few runs whose top 32 bits are equal (about n² / 2³³ pairs: 2,600 among
/// 4.7 million households) are then ordered by the whole hash.
enum HashOrder {
    /// Positions of `hashes` in ascending hash order.
    static func ascending(_ hashes: [HouseholdHash]) -> [Int32] {
        let count = hashes.count
        var order = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = Int32(i) }
            initialized = count
        }
        var keys = hashes.map { UInt32(truncatingIfNeeded: $0.high >> 32) }
        var otherOrder = order, otherKeys = keys
        for pass in 0..<4 {
            let shift = UInt32(pass * 8)
            var starts = [Int](repeating: 0, count: 257)
            for key in keys { starts[Int((key >> shift) & 0xFF) + 1] += 1 }
            for b in 0..<256 { starts[b + 1] += starts[b] }
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeBufferPointer { order in
                    otherKeys.withUnsafeMutableBufferPointer { otherKeys in
                        otherOrder.withUnsafeMutableBufferPointer { otherOrder in
                            for i in 0..<count {
                                let bucket = Int((keys[i] >> shift) & 0xFF)
                                let target = starts[bucket]
                                starts[bucket] += 1
                                otherKeys[target] = keys[i]
                                otherOrder[target] = order[i]
                            }
                        }
                    }
                }
            }
            swap(&keys, &otherKeys)
            swap(&order, &otherOrder)
        }
        var i = 0
        while i < count {
            var j = i + 1
            while j < count && keys[j] == keys[i] { j += 1 }
            if j - i > 1 { order[i..<j].sort { hashes[Int($0)] < hashes[Int($1)] } }
            i = j
        }
        return order
    }
}
