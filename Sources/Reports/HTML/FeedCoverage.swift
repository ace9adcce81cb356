import Ingest

/// How much of each county's roster the sector feeds cover: for each feed
/// the contract declares as a sector feed (`FeedSchema.sector`), the persons
/// or households with at least one row (for a feed joined by reference year,
/// a row of that year; for one joined on the reference date, a row of any kind).
public struct FeedCoverage: Sendable, Equatable {
    /// The sector feeds, in contract order.
    static let sectorFeeds: [Feed] = Feed.allCases.filter { $0.schema.sector != nil }
    /// Those counted against persons (the rest against households).
    static let personFeeds: [Feed] = sectorFeeds.filter { $0.schema.sector?.owner == .person }

    /// The sector a feed comes from, as a column header.
    static func label(_ feed: Feed, _ language: ReportLanguage) -> String {
        guard let sector = feed.schema.sector else { return feed.fileName }
        return language.pick(sector.labelZH, sector.labelEN)
    }

    /// One county's roster and how much of it each sector feed covers.
    public struct County: Sendable, Equatable {
        public var persons = 0
        public var households = 0
        /// Persons or households with at least one row of the feed.
        public var covered: [Feed: Int] = [:]

        public init(persons: Int = 0, households: Int = 0, covered: [Feed: Int] = [:]) {
            self.persons = persons
            self.households = households
            self.covered = covered
        }

        /// Covered share of the roster (nil for an empty roster).
        func share(_ feed: Feed) -> Double? {
            let base = FeedCoverage.personFeeds.contains(feed) ? persons : households
            return base == 0 ? nil : Double(covered[feed] ?? 0) / Double(base)
        }
    }

    /// By county code.
    public let counties: [String: County]
    public let total: County

    /// Coverage of these counties (by code); the total is their sum.
    public init(counties: [String: County]) {
        var total = County()
        for county in counties.values {
            total.persons += county.persons
            total.households += county.households
            for (feed, count) in county.covered { total.covered[feed, default: 0] += count }
        }
        self.counties = counties
        self.total = total
    }

    /// Counts coverage from the typed tables (reference columns hold row indices).
    /// - Parameter referenceYear: only medical-insurance rows of this year count.
    public init(_ ingest: IngestResult, referenceYear: Int) {
        guard let regions = ingest.tables[.regions], let villages = ingest.tables[.villages],
              let households = ingest.tables[.households], let persons = ingest.tables[.persons] else {
            counties = [:]
            total = County()
            return
        }
        let codes = regions[Regions.countyCode].map { CodeText.digits($0, width: 6) }
        let villageCounty = villages[Villages.countyCode]
        let householdCounty: [Int32] = households[Households.villageCode].map { Self.lookup(villageCounty, $0) }
        let personCounty: [Int32] = persons[Persons.householdID].map { Self.lookup(householdCounty, $0) }
        var perCounty = [County](repeating: County(), count: codes.count)
        for county in householdCounty where county >= 0 { perCounty[Int(county)].households += 1 }
        for county in personCounty where county >= 0 { perCounty[Int(county)].persons += 1 }
        for feed in Self.sectorFeeds {
            guard let table = ingest.tables[feed] else { continue }
            guard let sector = feed.schema.sector,
                  let ownerIndex = table.schema.fields.firstIndex(where: { $0.reference == sector.owner }),
                  case .int32(let references) = table.columns[ownerIndex] else { continue }
            let owners = sector.owner == .person ? personCounty : householdCounty
            var seen = [Bool](repeating: false, count: owners.count)
            let years: [Int32]? = if case .referenceYear(let year) = sector.join { table[year] } else { nil }
            for (row, reference) in references.enumerated() where reference >= 0 && Int(reference) < owners.count {
                if let years, Int(years[row]) != referenceYear { continue }
                seen[Int(reference)] = true
            }
            var coveredPerCounty = [Int](repeating: 0, count: codes.count)
            for (owner, covered) in seen.enumerated() where covered && owners[owner] >= 0 {
                coveredPerCounty[Int(owners[owner])] += 1
            }
            for (county, count) in coveredPerCounty.enumerated() { perCounty[county].covered[feed] = count }
        }
        var byCode: [String: County] = [:]
        var total = County()
        for (index, code) in codes.enumerated() {
            byCode[code] = perCounty[index]
            total.persons += perCounty[index].persons
            total.households += perCounty[index].households
            for (feed, count) in perCounty[index].covered { total.covered[feed, default: 0] += count }
        }
        counties = byCode
        self.total = total
    }

    /// `map[index]`, or -1 when the index is out of range.
    private static func lookup(_ map: [Int32], _ index: Int32) -> Int32 {
        index >= 0 && Int(index) < map.count ? map[Int(index)] : -1
    }
}
