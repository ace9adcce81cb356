@testable import EarlyWarning
import Testing

/// The radix order of household hashes is the order of a plain sort, including
/// hashes whose top 32 bits are equal (ordered by the rest of the hash).
@Suite struct HashOrderTests {
    @Test(arguments: [0, 1, 2, 5_000, 300_001])
    func radixOrderIsTheSortedOrder(count: Int) {
        var random = SystemRandomNumberGenerator()
        var hashes = (0..<count).map { _ in HouseholdHash(high: random.next(), low: random.next()) }
        // Ties on the top 32 bits (and whole duplicates) that only the rest of the hash can order.
        for i in stride(from: 0, to: count, by: 7) where i + 1 < count {
            hashes[i + 1] = HouseholdHash(high: hashes[i].high & 0xFFFF_FFFF_0000_0000 | UInt64(i % 3), low: random.next())
        }
        if count > 10 { hashes[9] = hashes[3] }
        let order = HashOrder.ascending(hashes, threads: 2)
        #expect(HashOrder.ascending(hashes, threads: 1) == order)
        #expect(order.count == count)
        #expect(Set(order).count == count)
        #expect(order.map { hashes[Int($0)] } == hashes.sorted())
    }
}
