/// The keys accepted so far of a feed that no other feed refers to, to tell
/// a repeated key.
///
/// Sector feeds are mostly sent sorted by person: while keys come in
/// ascending order, a key larger than every earlier one is new without a
/// look-up. The first key out of order puts every accepted key into a hash
/// index, which answers from then on.
struct SeenKeys {
    private var largest = Int64.min
    /// The accepted keys while they ascend (emptied into `index` when they stop).
    private var ascending: [Int64] = []
    private var index: KeyIndex?
    private let expected: Int

    init(expected: Int) {
        self.expected = expected
        ascending.reserveCapacity(expected)
    }

    /// Records `key`; false when it was accepted before.
    @inline(__always)
    mutating func insert(_ key: Int64) -> Bool {
        if index == nil {
            if key > largest {
                largest = key
                ascending.append(key)
                return true
            }
            let built = KeyIndex(expected: max(expected, ascending.count * 2))
            for earlier in ascending { _ = built.insert(earlier) }
            ascending = []
            index = built
        }
        return index?.insert(key) == nil
    }

    /// Starts loading where `key` will be looked up (once keys stopped ascending).
    @inline(__always)
    func prefetch(_ key: Int64) { index?.prefetch(key) }
}
