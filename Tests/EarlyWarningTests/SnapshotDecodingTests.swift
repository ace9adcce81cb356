@testable import EarlyWarning
import Testing

/// The stored state decoded with later nights' changes applied in one pass
/// (`HouseholdSnapshot(encoded:applying:threads:)`) equals the state decoded
/// whole and the changes applied one merge at a time, for any number of threads.
@Suite struct SnapshotDecodingTests {
    /// Households with distinct random hashes, ascending, with random states; departures when `departing`.
    private func snapshot(_ hashes: [HouseholdHash], day: Int32, departing: Set<HouseholdHash> = [],
                          using random: inout some RandomNumberGenerator) -> HouseholdSnapshot {
        var snapshot = HouseholdSnapshot()
        for hash in hashes.sorted() {
            if departing.contains(hash) {
                snapshot.appendDeparture(hash)
                continue
            }
            let state = HouseholdState(category: .random(in: 0...3, using: &random), monitoringType: 1, riskStatus: 2,
                                       clueOutcome: 0, signals: .random(in: 0...7, using: &random), members: 3,
                                       village: 520_102_001_001, clueDate: .random(in: 0...30_000, using: &random),
                                       income: .random(in: 0...2_000_000, using: &random))
            snapshot.append(hash, state, validFrom: day)
        }
        return snapshot
    }

    private func same(_ a: HouseholdSnapshot?, _ b: HouseholdSnapshot) -> Bool {
        guard let a else { return false }
        return a.hashes == b.hashes && a.states == b.states && a.validFrom == b.validFrom
    }

    @Test(arguments: [0, 1, 9, 40_000])
    func decodingWithChangesEqualsApplyingThemAfterwards(households: Int) throws {
        var random = SystemRandomNumberGenerator()
        let hashes = (0..<households).map { _ in HouseholdHash(high: random.next(), low: random.next()) }.sorted()
        let base = snapshot(hashes, day: 100, using: &random)
        // Two nights of changes: changed households, new ones (also below the first hash and above the last),
        // departures, and a household that leaves on the first night and comes back on the second.
        var nights: [HouseholdSnapshot] = []
        for night in 0..<2 {
            var changed = hashes.filter { _ in Int.random(in: 0..<20, using: &random) == 0 }
            changed += (0..<max(1, households / 50)).map { _ in HouseholdHash(high: random.next(), low: random.next()) }
            changed += [HouseholdHash(high: 0, low: UInt64(night)), HouseholdHash(high: .max, low: UInt64(night))]
            var departing = Set(changed.filter { _ in Bool.random(using: &random) })
            if let first = hashes.first {
                changed.append(first)
                if night == 0 { departing.insert(first) } else { departing.remove(first) }
            }
            nights.append(snapshot(Array(Set(changed)), day: 101 + Int32(night), departing: departing, using: &random))
        }
        let expected = base.applying(nights)
        if let first = hashes.first { #expect(expected.index(of: first) != nil) }
        let bytes = base.encoded()
        for threads in [1, 2, 3] {
            let decoded = bytes.withUnsafeBytes { HouseholdSnapshot(encoded: $0, applying: nights, threads: threads) }
            #expect(same(decoded, expected), "\(households) households, \(threads) threads")
            let whole = bytes.withUnsafeBytes { HouseholdSnapshot(encoded: $0, threads: threads) }
            #expect(same(whole, base))
        }
        // A BLOB that is not a whole number of records is refused.
        #expect(bytes.dropLast().withUnsafeBytes { HouseholdSnapshot(encoded: $0) } == nil || bytes.isEmpty)
    }
}
