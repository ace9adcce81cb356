import Ingest

extension Roster {
    /// The `site_code` of each household feed row (negative when it has none).
    static func siteCodes(_ households: FeedTable) -> [Int64] { households[Households.siteCode] }
}

/// Orders each village's households by resettlement site and cuts the roster
/// into (village, site) cells, the unit the counters add into: a village is
/// the sum of its cells, a site the sum of its cells across villages.
struct SiteLayout {
    /// Distinct site codes, ascending.
    let codes: [Int64]
    let cellHouseholdStart: [Int32]
    let cellVillage: [Int32]
    let cellSite: [Int32]

    /// Reorders `householdFeedRow` inside each village range by site (stable;
    /// households without a site first) and lists the cells.
    /// - Complexity: O(n) plus a sort of the relocated households of each village.
    init(householdSites: [Int64], householdFeedRow: inout [Int32], villageHouseholdStart: [Int32]) {
        codes = Array(Set(householdSites.lazy.filter { $0 > 0 })).sorted()
        var starts: [Int32] = []
        var villages: [Int32] = []
        var sites: [Int32] = []
        let villageCount = villageHouseholdStart.count - 1
        for village in 0..<villageCount {
            let range = Int(villageHouseholdStart[village])..<Int(villageHouseholdStart[village + 1])
            // Households with a site, sorted by site then by their order so far.
            var placed: [(site: Int32, row: Int32)] = []
            var unsited: [Int32] = []
            for position in range {
                let row = householdFeedRow[position]
                let code = householdSites[Int(row)]
                if code <= 0 { unsited.append(row) } else { placed.append((Self.position(of: code, in: codes), row)) }
            }
            // The first cell of a village always exists, so an empty village has one (empty) cell.
            starts.append(Int32(range.lowerBound))
            villages.append(Int32(village))
            sites.append(-1)
            guard !placed.isEmpty else { continue }
            placed.sort { ($0.site, $0.row) < ($1.site, $1.row) }
            var position = range.lowerBound
            for row in unsited {
                householdFeedRow[position] = row
                position += 1
            }
            for (offset, entry) in placed.enumerated() {
                if offset == 0 || placed[offset - 1].site != entry.site {
                    if position == range.lowerBound {
                        sites[sites.count - 1] = entry.site // no unsited households: the first cell is this site's
                    } else {
                        starts.append(Int32(position))
                        villages.append(Int32(village))
                        sites.append(entry.site)
                    }
                }
                householdFeedRow[position] = entry.row
                position += 1
            }
        }
        starts.append(villageHouseholdStart.last ?? 0)
        cellHouseholdStart = starts
        cellVillage = villages
        cellSite = sites
    }

    /// Position of `code` in the ascending `codes` (binary search; the code is there).
    private static func position(of code: Int64, in codes: [Int64]) -> Int32 {
        var low = 0, high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes[middle] < code { low = middle + 1 } else { high = middle }
        }
        return Int32(low)
    }
}
