import Ingest

/// Sorting millions of household hashes fast: hashes are uniformly random, so
/// one counting pass deals them to 256 buckets by their top byte, and each
/// bucket (about 18,000 hashes at 17 million persons, small enough for the
/// processor's cache) is sorted on its own, the buckets in parallel: a
/// least-significant-digit radix sort on the next 24 bits (3 passes of one
/// byte over 4-byte keys), then the few runs whose top 32 bits are equal
/// (about n² / 2³³ pairs: 2,600 among 4.7 million households) ordered by the
/// whole hash.
enum HashOrder {
    /// Positions of `hashes` in ascending hash order, the buckets sorted on `threads` threads.
    static func ascending(_ hashes: [HouseholdHash], threads: Int = 1) -> [Int32] {
        let count = hashes.count
        var starts = [Int](repeating: 0, count: 257)
        for hash in hashes { starts[Int(hash.high >> 56) + 1] += 1 }
        for b in 0..<256 { starts[b + 1] += starts[b] }
        var positions = [Int32](repeating: 0, count: count)
        var keys = [UInt32](repeating: 0, count: count)
        var next = starts
        positions.withUnsafeMutableBufferPointer { positions in
            keys.withUnsafeMutableBufferPointer { keys in
                for i in 0..<count {
                    let top = hashes[i].high
                    let b = Int(top >> 56)
                    positions[next[b]] = Int32(i)
                    keys[next[b]] = UInt32(truncatingIfNeeded: top >> 32)
                    next[b] += 1
                }
            }
        }
        let buckets = parallelMap(count: 256, workers: threads) { b in
            sortBucket(positions: positions[starts[b]..<starts[b + 1]], keys: keys[starts[b]..<starts[b + 1]],
                       hashes: hashes)
        }
        var order: [Int32] = []
        order.reserveCapacity(count)
        for bucket in buckets { order += bucket }
        return order
    }

    /// One bucket's positions in ascending hash order; `keys` are their hashes' top 32 bits (top byte equal).
    private static func sortBucket(positions: ArraySlice<Int32>, keys: ArraySlice<UInt32>,
                                   hashes: [HouseholdHash]) -> [Int32] {
        let count = positions.count
        var order = Array(positions), keys = Array(keys)
        var otherOrder = order, otherKeys = keys
        for pass in 0..<3 {
            let shift = UInt32(pass * 8)
            var next = [Int](repeating: 0, count: 257)
            for key in keys { next[Int((key >> shift) & 0xFF) + 1] += 1 }
            for b in 0..<256 { next[b + 1] += next[b] }
            next.withUnsafeMutableBufferPointer { next in
                keys.withUnsafeBufferPointer { keys in
                    order.withUnsafeBufferPointer { order in
                        otherKeys.withUnsafeMutableBufferPointer { otherKeys in
                            otherOrder.withUnsafeMutableBufferPointer { otherOrder in
                                for i in 0..<count {
                                    let bucket = Int((keys[i] >> shift) & 0xFF)
                                    let target = next[bucket]
                                    next[bucket] = target + 1
                                    otherKeys[target] = keys[i]
                                    otherOrder[target] = order[i]
                                }
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
