import Ingest

/// How much of each county's roster the sector feeds cover: the persons with
/// an education, medical-insurance (reference year) or employment row, and
/// the households with a housing or water row.
struct FeedCoverage {
    /// The sector feeds, in contract order, and what they are counted against.
    static let personFeeds: [Feed] = [.education, .medicalInsurance, .employment]
    static let householdFeeds: [Feed] = [.housing, .water]
    static let sectorFeeds: [Feed] = [.education, .medicalInsurance, .housing, .water, .employment]

    /// The sector a feed comes from, as a column header.
    static func label(_ feed: Feed, _ language: ReportLanguage) -> String {
        switch feed {
        case .education: return language.pick("教育", "Education")
        case .medicalInsurance: return language.pick("医保", "Medical insurance")
        case .housing: return language.pick("住房", "Housing")
        case .water: return language.pick("饮水", "Water")
        case .employment: return language.pick("就业", "Employment")
        default: return feed.fileName
        }
    }

    struct County {
        var persons = 0
        var households = 0
        /// Persons or households with at least one row of the feed.
        var covered: [Feed: Int] = [:]

        /// Covered share of the roster (nil for an empty roster).
        func share(_ feed: Feed) -> Double? {
            let base = FeedCoverage.personFeeds.contains(feed) ? persons : households
            return base == 0 ? nil : Double(covered[feed] ?? 0) / Double(base)
        }
    }

    /// By county code.
    let counties: [String: County]
    let total: County

    /// Counts coverage from the typed tables (reference columns hold row indices).
    /// - Parameter referenceYear: only medical-insurance rows of this year count.
    init(_ ingest: IngestResult, referenceYear: Int) {
        guard let regions = ingest.tables[.regions], let villages = ingest.tables[.villages],
              let households = ingest.tables[.households], let persons = ingest.tables[.persons] else {
            counties = [:]
            total = County()
            return
        }
        let codes = regions.int64("county_code").map { CodeText.digits($0, width: 6) }
        let villageCounty = villages.int32("county_code")
        let householdCounty: [Int32] = households.int32("village_code").map { Self.lookup(villageCounty, $0) }
        let personCounty: [Int32] = persons.int32("household_id").map { Self.lookup(householdCounty, $0) }
        var perCounty = [County](repeating: County(), count: codes.count)
        for county in householdCounty where county >= 0 { perCounty[Int(county)].households += 1 }
        for county in personCounty where county >= 0 { perCounty[Int(county)].persons += 1 }
        for feed in Self.sectorFeeds {
            guard let table = ingest.tables[feed] else { continue }
            let isPersonFeed = Self.personFeeds.contains(feed)
            let owners = isPersonFeed ? personCounty : householdCounty
            var seen = [Bool](repeating: false, count: owners.count)
            let references = table.int32(isPersonFeed ? "person_id" : "household_id")
            let years = feed == .medicalInsurance ? table.int32("year") : nil
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
