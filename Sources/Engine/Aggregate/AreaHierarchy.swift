import Ingest

/// The areas of the result in output order (province, groups, prefectures,
/// counties, townships, villages, sites; each by code) and, for each village
/// and site, the positions of the areas it adds into.
struct AreaHierarchy {
    let areas: [Area]
    /// For each village of the register (its order): its village, township,
    /// county, prefecture, province and the groups of its county, as area positions.
    let villageChain: [[Int]]
    /// For each site code (ascending), its area position.
    let siteArea: [Int]

    /// - Parameter siteCodes: the resettlement sites, ascending.
    init(register: AreaRegister, siteCodes: [Int64], definition: PipelineDefinition) {
        let counties = register.counties.sorted { $0.code < $1.code }
        let villageOrder = register.villages.indices.sorted { register.villages[$0].code < register.villages[$1].code }
        var prefectureName: [Int64: String] = [:]
        for county in counties where prefectureName[county.prefectureCode] == nil {
            prefectureName[county.prefectureCode] = county.prefectureName
        }
        var townshipName: [Int64: String] = [:]
        var townshipCounty: [Int64: Int64] = [:]
        for index in villageOrder {
            let village = register.villages[index]
            guard townshipName[village.townshipCode] == nil else { continue }
            townshipName[village.townshipCode] = village.townshipName
            townshipCounty[village.townshipCode] = village.countyCode
        }

        // One province, as the pipeline names it; several, under a nation (code 00) and named by GB/T 2260.
        let provinceCodes = Array(Set(counties.map { $0.code / 10_000 })).sorted()
        var areas: [Area] = []
        var provinceArea: [Int64: Int] = [:]
        if provinceCodes.count > 1 {
            areas.append(Area(level: .nation, code: "00", name: definition.nationName ?? "全国", parent: nil))
            for code in provinceCodes {
                let text = CodeText.digits(code, width: 2)
                provinceArea[code] = areas.count
                let name = text == definition.provinceCode ? definition.provinceName : ProvinceNames.byCode[text] ?? text
                areas.append(Area(level: .province, code: text, name: name, parent: 0))
            }
        } else {
            let provinceCode = counties.first.map { String(CodeText.digits($0.code, width: 6).prefix(2)) } ?? ""
            areas.append(Area(level: .province, code: provinceCode, name: definition.provinceName, parent: nil))
        }
        // The areas above a prefecture or county (a 6-digit code): its province, and the nation.
        let above = { (code: Int64) -> [Int] in provinceCodes.count > 1 ? [provinceArea[code / 10_000] ?? 0, 0] : [0] }
        var groupArea: [String: Int] = [:]
        for group in definition.groups.sorted(by: { $0.id < $1.id }) {
            groupArea[group.id] = areas.count
            areas.append(Area(level: .group, code: group.id, name: group.name, parent: 0))
        }
        var prefectureArea: [Int64: Int] = [:]
        for code in prefectureName.keys.sorted() {
            prefectureArea[code] = areas.count
            areas.append(Area(level: .prefecture, code: CodeText.digits(code, width: 6), name: prefectureName[code] ?? "",
                              parent: above(code)[0]))
        }
        var countyArea: [Int64: Int] = [:]
        var countyGroups: [Int64: [Int]] = [:]
        for county in counties {
            countyArea[county.code] = areas.count
            countyGroups[county.code] = county.groups.compactMap { groupArea[$0] }
            areas.append(Area(level: .county, code: CodeText.digits(county.code, width: 6), name: county.name,
                              parent: prefectureArea[county.prefectureCode]))
        }
        var townshipArea: [Int64: Int] = [:]
        for code in townshipName.keys.sorted() {
            townshipArea[code] = areas.count
            areas.append(Area(level: .township, code: CodeText.digits(code, width: 9), name: townshipName[code] ?? "",
                              parent: countyArea[townshipCounty[code] ?? 0] ?? 0))
        }
        var villageChain = [[Int]](repeating: [], count: register.villages.count)
        for index in villageOrder {
            let village = register.villages[index]
            let county = countyArea[village.countyCode] ?? 0
            let township = townshipArea[village.townshipCode] ?? 0
            villageChain[index] = [areas.count, township, county, areas[county].parent ?? 0] + above(village.countyCode)
                + (countyGroups[village.countyCode] ?? [])
            areas.append(Area(level: .village, code: CodeText.digits(village.code, width: 12), name: village.name, parent: township))
        }
        // Sites, by code; the parent is the county of the code's first 6 digits.
        var siteArea = [Int](repeating: 0, count: siteCodes.count)
        for (index, code) in siteCodes.enumerated() {
            let text = CodeText.digits(code, width: 9)
            siteArea[index] = areas.count
            areas.append(Area(level: .site, code: text, name: definition.siteNames[text] ?? "安置点 " + text,
                              parent: countyArea[code / 1000]))
        }
        self.areas = areas
        self.villageChain = villageChain
        self.siteArea = siteArea
    }

    /// For each (village, site) cell of the roster, the areas it adds into.
    func cellChains(_ roster: Roster) -> [[Int]] {
        (0..<roster.cellCount).map { cell in
            let chain = villageChain[Int(roster.cellVillage[cell])]
            let site = roster.cellSite[cell]
            return site < 0 ? chain : chain + [siteArea[Int(site)]]
        }
    }

    /// Sums cell counters into every area: numerators and denominators are
    /// added up, never averaged.
    static func rollUp(_ counters: [Int64], chains: [[Int]], areaCount: Int, columns: Int)
        -> (numerators: [Int64], denominators: [Int64]) {
        var numerators = [Int64](repeating: 0, count: areaCount * columns)
        var denominators = numerators
        for (cell, chain) in chains.enumerated() {
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
