import Ingest

/// The monitoring roster laid out for counting: households sorted by village
/// and, inside a village, by resettlement site (households without a site
/// first); persons sorted by household. So every village's households and
/// persons, every (village, site) cell's, and every household's members are
/// contiguous ranges of dense indices.
///
/// "Sorted position" below means the position in this layout; "feed row" means
/// the row index in the ingested feed table.
public struct Roster: Sendable {
    public let villageCount: Int
    public let householdCount: Int
    public let personCount: Int
    /// Households of village v are `villageHouseholdStart[v] ..< villageHouseholdStart[v + 1]`.
    public let villageHouseholdStart: [Int32]
    /// Persons of village v are `villagePersonStart[v] ..< villagePersonStart[v + 1]`.
    public let villagePersonStart: [Int32]
    /// Members of household h are `memberStart[h] ..< memberStart[h + 1]`.
    public let memberStart: [Int32]
    /// Sorted household position of each sorted person.
    public let personHousehold: [Int32]
    /// Feed row of each sorted household.
    public let householdFeedRow: [Int32]
    /// Feed row of each sorted person.
    public let personFeedRow: [Int32]
    /// Sorted position of each person feed row.
    public let personPosition: [Int32]
    /// Sorted position of each household feed row.
    public let householdPosition: [Int32]
    /// The (village, site) cells: households of cell c are `cellHouseholdStart[c] ..< cellHouseholdStart[c + 1]`.
    public let cellHouseholdStart: [Int32]
    /// Persons of cell c are `cellPersonStart[c] ..< cellPersonStart[c + 1]`.
    public let cellPersonStart: [Int32]
    /// Village (feed row) of each cell; cells are in village order.
    public let cellVillage: [Int32]
    /// Site of each cell: a position in `siteCodes`, or -1 for households without a site.
    public let cellSite: [Int32]
    /// The distinct resettlement site codes carried by households, ascending.
    public let siteCodes: [Int64]

    public var cellCount: Int { cellVillage.count }

    /// Lays out the roster of an ingest.
    public init(_ ingest: IngestResult) {
        let villages = ingest.table(.villages)
        let households = ingest.table(.households)
        let persons = ingest.table(.persons)
        villageCount = villages.rowCount
        householdCount = households.rowCount
        personCount = persons.rowCount
        let householdVillage = households[Households.villageCode]
        var householdFeedRow: [Int32]
        (householdFeedRow, villageHouseholdStart) = Self.countingSort(keys: householdVillage, buckets: villageCount)
        let sites = SiteLayout(householdSites: Self.siteCodes(households), householdFeedRow: &householdFeedRow,
                               villageHouseholdStart: villageHouseholdStart)
        self.householdFeedRow = householdFeedRow
        siteCodes = sites.codes
        cellHouseholdStart = sites.cellHouseholdStart
        cellVillage = sites.cellVillage
        cellSite = sites.cellSite
        var householdPosition = [Int32](repeating: 0, count: householdCount)
        for (position, row) in householdFeedRow.enumerated() { householdPosition[Int(row)] = Int32(position) }
        self.householdPosition = householdPosition
        let personHouseholdPosition = persons[Persons.householdID].map { householdPosition[Int($0)] }
        let (personFeedRow, memberStart) = Self.countingSort(keys: personHouseholdPosition, buckets: householdCount)
        self.personFeedRow = personFeedRow
        self.memberStart = memberStart
        var personPosition = [Int32](repeating: 0, count: personCount)
        var personHousehold = [Int32](repeating: 0, count: personCount)
        for (position, row) in personFeedRow.enumerated() {
            personPosition[Int(row)] = Int32(position)
            personHousehold[position] = personHouseholdPosition[Int(row)]
        }
        self.personPosition = personPosition
        self.personHousehold = personHousehold
        villagePersonStart = villageHouseholdStart.map { memberStart[Int($0)] }
        cellPersonStart = cellHouseholdStart.map { memberStart[Int($0)] }
    }

    /// Stable counting sort: the order of rows by key, and where each key's rows start.
    private static func countingSort(keys: [Int32], buckets: Int) -> (order: [Int32], starts: [Int32]) {
        var starts = [Int32](repeating: 0, count: buckets + 1)
        for key in keys { starts[Int(key) + 1] += 1 }
        for b in 0..<buckets { starts[b + 1] += starts[b] }
        var next = starts
        var order = [Int32](repeating: 0, count: keys.count)
        for (row, key) in keys.enumerated() {
            order[Int(next[Int(key)])] = Int32(row)
            next[Int(key)] += 1
        }
        return (order, starts)
    }

    /// Village of each sorted household.
    public func householdVillages() -> [Int32] {
        var result = [Int32](repeating: 0, count: householdCount)
        for v in 0..<villageCount {
            for h in Int(villageHouseholdStart[v])..<Int(villageHouseholdStart[v + 1]) { result[h] = Int32(v) }
        }
        return result
    }
}
