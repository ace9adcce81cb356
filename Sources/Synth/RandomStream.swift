/// A seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64).
///
/// Written here rather than taken from the system so that the same seed gives
/// the same numbers on every machine and Swift version. Only integer
/// arithmetic is used to draw values, so no floating-point rounding can make
/// two machines disagree.
struct RandomStream {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A stream for `seed`; distinct `stream` numbers give independent streams
    /// (one per county, so counties can be generated in any order).
    init(seed: UInt64, stream: UInt64 = 0) {
        var state = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A whole number in `0..<bound` (Lemire's multiply-shift; the tiny bias
    /// for bounds far below 2^64 does not matter here and keeps it branch-free).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A whole number in `range`.
    @inline(__always)
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMillion` / 1,000,000.
    @inline(__always)
    mutating func chance(perMillion: Int) -> Bool {
        below(1_000_000) < perMillion
    }

    /// An index into `weights`, drawn with probability proportional to each weight.
    @inline(__always)
    mutating func pick(_ weights: WeightTable) -> Int {
        let draw = below(weights.total)
        var i = 0
        while draw >= weights.cumulative[i] { i += 1 }
        return i
    }

    /// A bell-shaped whole number in `range`: the mean of three uniform draws.
    @inline(__always)
    mutating func bell(_ range: ClosedRange<Int>) -> Int {
        (int(range) + int(range) + int(range)) / 3
    }
}

/// Integer weights prepared for `RandomStream.pick`.
struct WeightTable: Sendable {
    let cumulative: [Int]
    let total: Int

    init(_ weights: [Int]) {
        var running = 0
        cumulative = weights.map { running += $0; return running }
        total = running
    }
}
