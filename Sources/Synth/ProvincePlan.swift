/// How many persons and villages each county gets: decided once, before the
/// counties are generated in parallel.
///
/// The real province has about 17 million persons on the rosters in about
/// 14,000 villages; the plan keeps that ratio, with at least three villages
/// per county so that a small sample still has every level of the hierarchy.
struct ProvincePlan {
    struct CountyShare {
        let county: County
        /// Position in the generated counties; also the county's random stream number.
        let index: Int
        let persons: Int
        let villages: Int
    }

    static let realPersons = 17_000_000
    static let realVillages = 14_000
    static let minimumVillagesPerCounty = 3
    /// Keeps villages small enough for 4-digit household sequences.
    static let maximumPersonsPerVillage = 3_000

    let counties: [CountyShare]

    init(persons: Int, seed: UInt64, divisions: [County] = GuizhouDivisions.counties) {
        var random = RandomStream(seed: seed, stream: UInt64(divisions.count))
        // Counties differ in size; key counties are mountainous and somewhat smaller.
        let weights = divisions.map { random.int($0.isKey ? 50...110 : 60...140) }
        let byScale = (persons * Self.realVillages + Self.realPersons / 2) / Self.realPersons
        let byVillageSize = (persons + Self.maximumPersonsPerVillage - 1) / Self.maximumPersonsPerVillage
        let villages = max(byScale, byVillageSize, Self.minimumVillagesPerCounty * divisions.count)
        let personQuotas = Self.apportion(persons, weights: weights)
        let villageQuotas = Self.apportion(villages, weights: weights)
        counties = divisions.indices.map { i in
            CountyShare(county: divisions[i], index: i, persons: personQuotas[i],
                        villages: max(Self.minimumVillagesPerCounty, villageQuotas[i]))
        }
    }

    /// Splits `total` in proportion to `weights` by largest remainder (ties go
    /// to the earlier position), so the parts always add up to `total`.
    static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { total * $0 / sum }
        let remainders = weights.map { total * $0 % sum }
        let order = remainders.indices.sorted { (remainders[$0], -$0) > (remainders[$1], -$1) }
        for i in order.prefix(total - parts.reduce(0, +)) { parts[i] += 1 }
        return parts
    }
}
