import Ingest

/// The administrative tree of the result: areas in output order and, for each
/// village of the feed, the positions of the areas it adds into.
struct AreaHierarchy {
    let areas: [Area]
    /// For each village feed row: its village, township, county, prefecture and province area positions.
    let villageChain: [[Int]]

    init(ingest: IngestResult, provinceName: String) {
        let regions = ingest.table(.regions)
        let villages = ingest.table(.villages)
        let prefectureCodes = regions[Regions.prefectureCode], prefectureNames = regions[Regions.prefectureName]
        let countyCodes = regions[Regions.countyCode], countyNames = regions[Regions.countyName]
        let villageCodes = villages[Villages.villageCode], villageNames = villages[Villages.villageName]
        let townshipCodes = villages[Villages.townshipCode], townshipNames = villages[Villages.townshipName]
        let villageCounty = villages[Villages.countyCode]

        let countyRows = (0..<regions.rowCount).sorted { countyCodes[$0] < countyCodes[$1] }
        let villageRows = (0..<villages.rowCount).sorted { villageCodes[$0] < villageCodes[$1] }
        var prefectureName: [Int64: String] = [:]
        for row in countyRows where prefectureName[prefectureCodes[row]] == nil { prefectureName[prefectureCodes[row]] = prefectureNames[row] }
        var townshipName: [Int64: String] = [:]
        for row in villageRows where townshipName[townshipCodes[row]] == nil { townshipName[townshipCodes[row]] = townshipNames[row] }

        let provinceCode = countyRows.first.map { String(CodeText.digits(countyCodes[$0], width: 6).prefix(2)) } ?? ""
        var areas = [Area(level: .province, code: provinceCode, name: provinceName, parent: nil)]
        var prefectureArea: [Int64: Int] = [:]
        for code in prefectureName.keys.sorted() {
            prefectureArea[code] = areas.count
            areas.append(Area(level: .prefecture, code: CodeText.digits(code, width: 6), name: prefectureName[code]!, parent: 0))
        }
        var countyArea = [Int](repeating: 0, count: regions.rowCount)
        for row in countyRows {
            countyArea[row] = areas.count
            areas.append(Area(level: .county, code: CodeText.digits(countyCodes[row], width: 6), name: countyNames[row],
                              parent: prefectureArea[prefectureCodes[row]]))
        }
        var townshipArea: [Int64: Int] = [:]
        for code in townshipName.keys.sorted() {
            let firstVillage = villageRows.first { townshipCodes[$0] == code }!
            townshipArea[code] = areas.count
            areas.append(Area(level: .township, code: CodeText.digits(code, width: 9), name: townshipName[code]!,
                              parent: countyArea[Int(villageCounty[firstVillage])]))
        }
        var chain = [[Int]](repeating: [], count: villages.rowCount)
        for row in villageRows {
            let county = countyArea[Int(villageCounty[row])]
            let township = townshipArea[townshipCodes[row]]!
            chain[row] = [areas.count, township, county, areas[county].parent!, 0]
            areas.append(Area(level: .village, code: CodeText.digits(villageCodes[row], width: 12), name: villageNames[row], parent: township))
        }
        self.areas = areas
        villageChain = chain
    }

    /// Sums village counters into every area: numerators and denominators are
    /// added up the tree, never averaged.
    func rollUp(_ counters: [Int64], indicatorCount: Int) -> (numerators: [Int64], denominators: [Int64]) {
        var numerators = [Int64](repeating: 0, count: areas.count * indicatorCount)
        var denominators = numerators
        for (village, chain) in villageChain.enumerated() {
            for area in chain {
                for k in 0..<indicatorCount {
                    numerators[area * indicatorCount + k] &+= counters[(village * indicatorCount + k) * 2]
                    denominators[area * indicatorCount + k] &+= counters[(village * indicatorCount + k) * 2 + 1]
                }
            }
        }
        return (numerators, denominators)
    }
}
