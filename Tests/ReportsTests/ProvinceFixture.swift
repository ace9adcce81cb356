import Engine
import Foundation
import Ingest
import Reports
import TestSupport

/// A small province for the report tests: five counties in two prefectures,
/// some with hostile names; an indicator table built by hand (higher levels
/// summed from the counties), a clue list, and real feed files for the ingest.
struct ProvinceFixture {
    static let hyperlink = "=HYPERLINK(\"http://x\",\"y\")"
    static let script = "<script>alert(1)</script>"
    static let quoted = "Kaili, \"old\" town"
    static let tabbed = "\t@SUM(1+1)"
    static let runDate = "2026-11-28"
    /// Marked `key_county` = 1 in regions.csv.
    static let keyCounties: Set<String> = ["522601", "522602"]

    struct County {
        let code: String
        let name: String
        let prefecture: String
        /// (numerator, denominator) per indicator, in catalogue order.
        let figures: [(Int64, Int64)]
    }

    static let prefectures: [(code: String, name: String)] = [("520100", "贵阳市"), ("522600", "黔东南苗族侗族自治州")]

    static let indicators: [IndicatorDefinition] = [
        IndicatorDefinition(id: "persons", labelZH: "人数", labelEN: "Persons", entity: .person, numerator: "true",
                            denominator: nil, unit: "persons", decimals: 0, target: nil, inSummary: true, isKey: false),
        IndicatorDefinition(id: "insurance_rate", labelZH: "参保率", labelEN: "Insurance rate", entity: .person,
                            numerator: "covered and insured", denominator: "covered", unit: "rate", decimals: 4,
                            target: Target(comparison: .atLeast, value: 0.99), inSummary: true, isKey: true),
        IndicatorDefinition(id: "compulsory_dropouts", labelZH: "义务教育阶段辍学人数", labelEN: "Compulsory-school dropouts",
                            entity: .person, numerator: "dropped", denominator: nil, unit: "persons", decimals: 0,
                            target: Target(comparison: .equal, value: 0), inSummary: true, isKey: true),
        IndicatorDefinition(id: "tap_water_rate", labelZH: "自来水普及率", labelEN: "Tap water rate", entity: .household,
                            numerator: "tap", denominator: "true", unit: "rate", decimals: 4, target: nil,
                            inSummary: false, isKey: false),
        IndicatorDefinition(id: "employed_per_relocated_household", labelZH: "搬迁户户均就业人数",
                            labelEN: "Employed per relocated household", entity: .household, numerator: "employed",
                            denominator: "relocated", unit: "ratio", decimals: 2, target: nil, inSummary: true,
                            isKey: true),
    ]

    static let counties: [County] = [
        County(code: "520102", name: "南明区", prefecture: "520100",
               figures: [(3, 0), (99, 100), (0, 0), (1, 2), (3, 2)]),
        County(code: "520103", name: script, prefecture: "520100",
               figures: [(1200, 0), (9934, 10000), (1, 0), (0, 0), (0, 0)]),
        County(code: "522601", name: hyperlink, prefecture: "522600",
               figures: [(7, 0), (985, 1000), (0, 0), (3, 3), (1, 3)]),
        County(code: "522602", name: quoted, prefecture: "522600",
               figures: [(2, 0), (0, 0), (2, 0), (1, 1), (5, 4)]),
        County(code: "522603", name: tabbed, prefecture: "522600",
               figures: [(5, 0), (1, 1), (0, 0), (0, 1), (2, 1)]),
    ]

    /// The indicator table: province, prefectures, counties, one township and one village per county.
    static func table() -> IndicatorTable {
        var areas = [Area(level: .province, code: "52", name: "贵州省", parent: nil)]
        var figures: [[(Int64, Int64)]] = [[]]
        func sum(_ rows: [[(Int64, Int64)]]) -> [(Int64, Int64)] {
            indicators.indices.map { i in rows.reduce((0, 0)) { ($0.0 + $1[i].0, $0.1 + $1[i].1) } }
        }
        for prefecture in prefectures {
            areas.append(Area(level: .prefecture, code: prefecture.code, name: prefecture.name, parent: 0))
            figures.append(sum(counties.filter { $0.prefecture == prefecture.code }.map(\.figures)))
        }
        figures[0] = sum(counties.map(\.figures))
        for county in counties {
            let parent = areas.firstIndex { $0.code == county.prefecture }
            areas.append(Area(level: .county, code: county.code, name: county.name, parent: parent))
            figures.append(county.figures)
        }
        for county in counties {
            let parent = areas.firstIndex { $0.code == county.code }
            areas.append(Area(level: .township, code: county.code + "001", name: "一镇", parent: parent))
            figures.append(county.figures)
        }
        for county in counties {
            let parent = areas.firstIndex { $0.code == county.code + "001" }
            areas.append(Area(level: .village, code: county.code + "001001", name: villageName(county), parent: parent))
            figures.append(county.figures)
        }
        return IndicatorTable(indicators: indicators, areas: areas,
                              numerators: figures.flatMap { $0.map(\.0) }, denominators: figures.flatMap { $0.map(\.1) })
    }

    static func villageName(_ county: County) -> String {
        county.code == "522601" ? hyperlink : (county.code == "520103" ? script : String(county.name.prefix(2)) + "村")
    }

    static let signals = [
        ClueSignal(id: "low_income", labelZH: "收入低于监测线", labelEN: "Income below the line"),
        ClueSignal(id: "not_insured", labelZH: "有成员未参保", labelEN: "A member not insured"),
        ClueSignal(id: "unsafe_housing", labelZH: "住房不安全", labelEN: "Unsafe housing"),
    ]

    static let headID = ResidentIDMaker.make(address: "520102", birth: "19800101", sequence: 11)

    /// Clue households in 520102 (two villages, listed out of order) and 522601 (a hostile village name).
    static func clues() -> ClueList {
        ClueList(signals: signals, households: [
            ClueHousehold(householdID: "5201020010020001", villageCode: "520102001002", villageName: "=cmd|' /C calc'!A0",
                          countyCode: "520102", headResidentID: nil, signals: ["unsafe_housing"]),
            ClueHousehold(householdID: "5201020010010007", villageCode: "520102001001", villageName: "南明村",
                          countyCode: "520102", headResidentID: headID, signals: ["low_income", "not_insured"]),
            ClueHousehold(householdID: "5201020010010002", villageCode: "520102001001", villageName: "南明村",
                          countyCode: "520102", headResidentID: headID, signals: ["not_insured"]),
            ClueHousehold(householdID: "5226010010010001", villageCode: "522601001001", villageName: hyperlink,
                          countyCode: "522601", headResidentID: headID, signals: ["low_income"]),
        ])
    }

    static func inputs(ingest: IngestResult, history: ReportHistory? = nil) -> ReportInputs {
        ReportInputs(table: table(), ingest: ingest, clues: clues(), runDate: runDate, history: history)
    }
}
