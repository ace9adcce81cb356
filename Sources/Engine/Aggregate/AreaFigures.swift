/// Every area's figures assembled from village and site figures computed
/// elsewhere (the shards of a run): each village's and site's numerators and
/// denominators are added in, then villages are summed into townships,
/// counties, prefectures, groups and the province exactly as a single run
/// sums them. Memory is one indicator table, whatever the number of pieces.
public struct AreaFigures {
    public let indicators: [IndicatorDefinition]
    public let areas: [Area]
    private let hierarchy: AreaHierarchy
    private var numerators: [Int64]
    private var denominators: [Int64]
    private let villageArea: [Int64: Int]
    private let siteArea: [Int64: Int]

    /// - Parameter siteCodes: every resettlement site of the run, ascending.
    public init(register: AreaRegister, siteCodes: [Int64], definition: PipelineDefinition,
                indicators: [IndicatorDefinition]) {
        hierarchy = AreaHierarchy(register: register, siteCodes: siteCodes, definition: definition)
        self.indicators = indicators
        areas = hierarchy.areas
        numerators = [Int64](repeating: 0, count: areas.count * indicators.count)
        denominators = numerators
        var villages: [Int64: Int] = [:]
        villages.reserveCapacity(register.villages.count)
        for (index, village) in register.villages.enumerated() { villages[village.code] = hierarchy.villageChain[index][0] }
        villageArea = villages
        siteArea = Dictionary(uniqueKeysWithValues: zip(siteCodes, hierarchy.siteArea))
    }

    /// The area position of a village or site code, nil when the register has no such one.
    public func area(village code: Int64) -> Int? { villageArea[code] }
    public func area(site code: Int64) -> Int? { siteArea[code] }

    /// Adds one piece of an area's figures: `values[2 * column]` numerators, `values[2 * column + 1]` denominators.
    public mutating func add(area: Int, _ values: UnsafeBufferPointer<Int64>) {
        let columns = indicators.count
        let base = area * columns
        for k in 0..<columns {
            numerators[base + k] &+= values[2 * k]
            denominators[base + k] &+= values[2 * k + 1]
        }
    }

    /// The table: villages summed into every area above them (in place, so
    /// the figures are held once; call it last).
    public mutating func table() -> IndicatorTable {
        let columns = indicators.count
        for chain in hierarchy.villageChain {
            let village = chain[0] * columns
            for area in chain.dropFirst() {
                for k in 0..<columns {
                    numerators[area * columns + k] &+= numerators[village + k]
                    denominators[area * columns + k] &+= denominators[village + k]
                }
            }
        }
        return IndicatorTable(indicators: indicators, areas: areas, numerators: numerators, denominators: denominators)
    }
}
