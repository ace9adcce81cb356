import Engine
import Ingest
import Warehouse

/// Two small nights of figures for a province of three counties, built by
/// hand, and a warehouse holding them: the changes between the nights are
/// chosen so that `diff` has something in every section.
public enum WarehouseFixture {
    public static let firstDate = "2026-11-27"
    public static let secondDate = "2026-11-28"

    /// Figures of one county (its township and village get the same figures).
    public struct County: Sendable {
        public let code: String
        public let name: String
        public let prefecture: String
        public var persons: Int64
        public var covered: Int64
        public var insured: Int64
        public var dropouts: Int64
        public var relocatedHouseholds: Int64
        public var employedLabour: Int64
    }

    /// A count, a ratio with a target, a count with a target, and a ratio with two decimals.
    public static let indicators: [IndicatorDefinition] = [
        IndicatorDefinition(id: "persons", labelZH: "人数", labelEN: "Persons", entity: .person, numerator: "true",
                            denominator: nil, unit: "persons", decimals: 0, target: nil, inSummary: true,
                            isKey: false),
        IndicatorDefinition(id: "insurance_rate", labelZH: "参保率", labelEN: "Insurance rate", entity: .person,
                            numerator: "covered and insured", denominator: "covered", unit: "rate", decimals: 4,
                            target: Target(comparison: .atLeast, value: 0.99), inSummary: true, isKey: true),
        IndicatorDefinition(id: "compulsory_dropouts", labelZH: "义务教育辍学", labelEN: "Compulsory dropouts",
                            entity: .person, numerator: "covered and age 6-15 and dropped_out", denominator: nil,
                            unit: "persons", decimals: 0, target: Target(comparison: .equal, value: 0),
                            inSummary: true, isKey: true),
        IndicatorDefinition(id: "employed_per_relocated_household", labelZH: "搬迁户户均就业",
                            labelEN: "Employed per relocated household", entity: .household,
                            numerator: "relocated labour employed", denominator: "relocated households",
                            unit: "ratio", decimals: 2, target: nil, inSummary: false, isKey: false),
    ]

    public static let prefectures = [("520100", "贵阳市"), ("520200", "六盘水市")]

    /// 南明区 meets the insurance target, 云岩区 misses it and has dropouts, 钟山区 meets both.
    public static let firstNight: [County] = [
        County(code: "520102", name: "南明区", prefecture: "520100", persons: 1200, covered: 1000, insured: 995,
               dropouts: 0, relocatedHouseholds: 40, employedLabour: 52),
        County(code: "520103", name: "云岩区", prefecture: "520100", persons: 1100, covered: 1000, insured: 970,
               dropouts: 2, relocatedHouseholds: 0, employedLabour: 0),
        County(code: "520201", name: "钟山区", prefecture: "520200", persons: 3000, covered: 2000, insured: 2000,
               dropouts: 0, relocatedHouseholds: 30, employedLabour: 45),
    ]

    /// 南明区 falls below the insurance target, 云岩区 reaches both targets,
    /// 钟山区 gets dropouts and ten more persons.
    public static let secondNight: [County] = {
        var counties = firstNight
        counties[0].insured = 980
        counties[1].insured = 995
        counties[1].dropouts = 0
        counties[2].dropouts = 3
        counties[2].persons = 3010
        counties[2].insured = 1990
        return counties
    }()

    /// Quarantined rows of the first night: persons with bad IDs and a duplicate household.
    public static let firstQuarantine: [QuarantineRecord] = [
        QuarantineRecord(feed: .households, line: 7, reason: .duplicateKey, column: "household_id",
                         value: "5201020010010001", message: "a second row with this household_id"),
        QuarantineRecord(feed: .persons, line: 12, reason: .invalidPersonID, column: "person_id",
                         value: "52010219800101001Y", message: "the check character should be 5"),
        QuarantineRecord(feed: .persons, line: 40, reason: .invalidPersonID, column: "person_id",
                         value: "5201021980", message: "18 characters expected"),
    ]

    /// The second night: the duplicate is gone, an education row has a bad stage.
    public static let secondQuarantine: [QuarantineRecord] = [
        QuarantineRecord(feed: .persons, line: 12, reason: .invalidPersonID, column: "person_id",
                         value: "52010219800101001Y", message: "the check character should be 5"),
        QuarantineRecord(feed: .education, line: 3, reason: .invalidValue, column: "stage",
                         value: "college", message: "one of preschool, primary, junior, senior, vocational, higher"),
    ]

    /// The figures of every level: the province, prefectures, counties, one township and village per county.
    public static func table(_ counties: [County]) -> IndicatorTable {
        var areas = [Area(level: .province, code: "52", name: "贵州省", parent: nil)]
        var figures: [[Int64]] = [sum(counties)]
        for (code, name) in prefectures {
            areas.append(Area(level: .prefecture, code: code, name: name, parent: 0))
            figures.append(sum(counties.filter { $0.prefecture == code }))
        }
        for level in [RollupLevel.county, .township, .village] {
            for county in counties.sorted(by: { $0.code < $1.code }) {
                let (code, name, parentCode) = switch level {
                case .county: (county.code, county.name, county.prefecture)
                case .township: (county.code + "001", county.name + "一镇", county.code)
                default: (county.code + "001001", county.name + "一村", county.code + "001")
                }
                let parent = areas.firstIndex { $0.code == parentCode }
                areas.append(Area(level: level, code: code, name: name, parent: parent))
                figures.append(sum([county]))
            }
        }
        return IndicatorTable(indicators: indicators, areas: areas, numerators: figures.flatMap { $0[0..<4] },
                              denominators: figures.flatMap { $0[4..<8] })
    }

    /// Numerators then denominators of the four indicators, summed over `counties`.
    private static func sum(_ counties: [County]) -> [Int64] {
        counties.reduce(into: [Int64](repeating: 0, count: 8)) { total, county in
            let figures: [Int64] = [county.persons, county.insured, county.dropouts, county.employedLabour,
                                    0, county.covered, 0, county.relocatedHouseholds]
            for index in total.indices { total[index] += figures[index] }
        }
    }

    /// Each feed's input for a run with these quarantined rows (every feed read 100 rows).
    public static func inputs(_ quarantine: [QuarantineRecord]) -> [RunInput] {
        Feed.allCases.map { feed in
            var byReason: [QuarantineReason: Int] = [:]
            for record in quarantine where record.feed == feed { byReason[record.reason, default: 0] += 1 }
            let quarantined = byReason.values.reduce(0, +)
            return RunInput(feed: feed, bytes: 4096, sha256: String(repeating: "ab", count: 32), rowsRead: 100,
                            rowsAccepted: 100 - quarantined, quarantinedByReason: byReason)
        }
    }

    /// Begins a run of `date` in `warehouse` and publishes `night` with its `quarantine`; returns the run.
    @discardableResult
    public static func publish(
        _ night: [County], quarantine: [QuarantineRecord], date: String, pipelineHash: String = "hash-1",
        into warehouse: Warehouse
    ) throws -> Int64 {
        let run = try warehouse.beginRun(date: date, pipelineHash: pipelineHash, toolVersion: "test", threads: 2)
        try warehouse.publish(runID: run, table: table(night), inputs: inputs(quarantine), quarantine: quarantine)
        return run
    }

    /// A warehouse at `path` with both nights published, then a failed run on the second date.
    public static func makeWarehouse(at path: String) throws {
        let warehouse = try Warehouse.open(path: path)
        try publish(firstNight, quarantine: firstQuarantine, date: firstDate, into: warehouse)
        try publish(secondNight, quarantine: secondQuarantine, date: secondDate, into: warehouse)
        let failed = try warehouse.beginRun(date: secondDate, pipelineHash: "hash-2", toolVersion: "test", threads: 2)
        try warehouse.fail(runID: failed, message: "persons.csv: 6.2% of rows quarantined, more than 5%",
                           inputs: inputs(secondQuarantine))
        try warehouse.close()
    }
}
