import Ingest

/// Keys and rows of the clean data that the deliberately bad rows borrow:
/// first rows to copy as duplicates, existing persons and households that
/// have no row in a sector feed, and a village where fresh household IDs
/// are free. Collected from the counties in order, the first found wins.
struct BorrowedKeys {
    var firstRows: [Feed: [UInt8]] = [:]
    var village: (code: Int, households: Int)?
    var household: Int?
    var toddler: [UInt8]?
    var elders: [[UInt8]] = []
    var householdsWithoutHousing: [Int] = []
    var householdsWithoutWater: [Int] = []
    /// Villages without households, in file order.
    var emptyVillages: [Int] = []

    static let wanted = 4

    mutating func collect(_ county: CountyOutput) {
        for feed in Feed.allCases where feed != .regions && firstRows[feed] == nil {
            firstRows[feed] = county.rows(feed).firstRow
        }
        if village == nil { village = county.firstVillage }
        if household == nil { household = county.firstHousehold }
        if toddler == nil { toddler = county.toddler }
        elders += county.elders.prefix(Self.wanted - elders.count)
        if householdsWithoutHousing.count < Self.wanted, let h = county.householdWithoutHousing { householdsWithoutHousing.append(h) }
        if householdsWithoutWater.count < Self.wanted, let h = county.householdWithoutWater { householdsWithoutWater.append(h) }
        emptyVillages += county.emptyVillages
    }
}
