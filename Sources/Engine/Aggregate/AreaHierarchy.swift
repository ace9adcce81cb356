import Ingest

/// The areas of the result in output order (province, groups, prefectures,
/// counties, townships, villages, sites; each by code) and, for each (village,
/// site) cell of the roster, the positions of the areas it adds into.
struct AreaHierarchy {
    let areas: [Area]
    /// For each cell: its village, township, county, prefecture, province, the
    /// groups of its county and its site, as area positions.
    let cellChain: [[Int]]
    /// For each village row: its village, township, county, prefecture, province and groups.
    let villageChain: [[Int]]

    init(ingest: IngestResult, roster: Roster, definition: PipelineDefinition) {
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
        var townshipCounty: [Int64: Int] = [:]
        for row in villageRows where townshipName[townshipCodes[row]] == nil {
            townshipName[townshipCodes[row]] = townshipNames[row]
            townshipCounty[townshipCodes[row]] = Int(villageCounty[row])
        }

        let provinceCode = countyRows.first.map { String(CodeText.digits(countyCodes[$0], width: 6).prefix(2)) } ?? ""
        var areas = [Area(level: .province, code: provinceCode, name: definition.provinceName, parent: nil)]
        // Groups by id; each county row lists the groups it belongs to.
        var countyGroups = [[Int]](repeating: [], count: regions.rowCount)
        for group in definition.groups.sorted(by: { $0.id < $1.id }) {
            // The group's flag column of regions.csv (checked to be a flag when the pipeline was read).
            var flags = [UInt8](repeating: 0, count: regions.rowCount)
            if let index = regions.schema.index(of: group.countyFlag), case .uint8(let values) = regions.columns[index] {
                flags = values
            }
            for row in 0..<regions.rowCount where flags[row] == 1 { countyGroups[row].append(areas.count) }
            areas.append(Area(level: .group, code: group.id, name: group.name, parent: 0))
        }
        var prefectureArea: [Int64: Int] = [:]
        for code in prefectureName.keys.sorted() {
            prefectureArea[code] = areas.count
            areas.append(Area(level: .prefecture, code: CodeText.digits(code, width: 6), name: prefectureName[code] ?? "", parent: 0))
        }
        var countyArea = [Int](repeating: 0, count: regions.rowCount)
        var countyAreaByCode: [Int64: Int] = [:]
        for row in countyRows {
            countyArea[row] = areas.count
            countyAreaByCode[countyCodes[row]] = areas.count
            areas.append(Area(level: .county, code: CodeText.digits(countyCodes[row], width: 6), name: countyNames[row],
                              parent: prefectureArea[prefectureCodes[row]]))
        }
        var townshipArea: [Int64: Int] = [:]
        for code in townshipName.keys.sorted() {
            townshipArea[code] = areas.count
            areas.append(Area(level: .township, code: CodeText.digits(code, width: 9), name: townshipName[code] ?? "",
                              parent: countyArea[townshipCounty[code] ?? 0]))
        }
        var villageChain = [[Int]](repeating: [], count: villages.rowCount)
        for row in villageRows {
            let countyRow = Int(villageCounty[row])
            let county = countyArea[countyRow]
            let township = townshipArea[townshipCodes[row]] ?? 0
            villageChain[row] = [areas.count, township, county, areas[county].parent ?? 0, 0] + countyGroups[countyRow]
            areas.append(Area(level: .village, code: CodeText.digits(villageCodes[row], width: 12), name: villageNames[row], parent: township))
        }
        // Sites, by code (the roster lists them ascending); the parent is the county of the code's first 6 digits.
        var siteArea = [Int](repeating: 0, count: roster.siteCodes.count)
        for (index, code) in roster.siteCodes.enumerated() {
            let text = CodeText.digits(code, width: 9)
            siteArea[index] = areas.count
            areas.append(Area(level: .site, code: text, name: definition.siteNames[text] ?? "安置点 " + text,
                              parent: countyAreaByCode[code / 1000]))
        }
        self.areas = areas
        self.villageChain = villageChain
        cellChain = (0..<roster.cellCount).map { cell in
            let chain = villageChain[Int(roster.cellVillage[cell])]
            let site = roster.cellSite[cell]
            return site < 0 ? chain : chain + [siteArea[Int(site)]]
        }
    }

    /// Sums cell counters into every area: numerators and denominators are
    /// added up, never averaged.
    func rollUp(_ counters: [Int64], columns: Int) -> (numerators: [Int64], denominators: [Int64]) {
        var numerators = [Int64](repeating: 0, count: areas.count * columns)
        var denominators = numerators
        for (cell, chain) in cellChain.enumerated() {
            for area in chain {
                for k in 0..<columns {
                    numerators[area * columns + k] &+= counters[(cell * columns + k) * 2]
                    denominators[area * columns + k] &+= counters[(cell * columns + k) * 2 + 1]
                }
            }
        }
        return (numerators, denominators)
    }
}
