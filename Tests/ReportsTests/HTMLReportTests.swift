import Engine
import Foundation
import Ingest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Reports
import TestSupport
import Testing

@Suite struct HTMLReportTests {
    func report(history: ReportHistory? = nil, language: ReportLanguage = .zh) throws -> (Data, FeedFixture) {
        let (fixture, ingest) = try FeedFixture.ingest()
        let folder = try TemporaryFolder(prefix: "reports-html")
        defer { folder.remove() }
        try HTMLReport().write(ProvinceFixture.inputs(ingest: ingest, history: history),
                               options: ReportOptions(language: language), to: folder.url)
        return (try folder.data("report.html"), fixture)
    }

    func history() -> ReportHistory {
        let table = ProvinceFixture.table()
        let previous = NightValues(date: "2026-11-27", values: [
            "52": ["insurance_rate": 0.97, "compulsory_dropouts": 3],
            "520102": ["insurance_rate": 0.98, "compulsory_dropouts": 0, "employed_per_relocated_household": 1.0],
            "522601": ["insurance_rate": 0.995],
        ])
        let trend = IndicatorTrend(indicatorID: "insurance_rate", points: [
            HistoryPoint(date: "2026-11-25", value: 0.95), HistoryPoint(date: "2026-11-26", value: 0.96),
            HistoryPoint(date: "2026-11-27", value: 0.97),
        ])
        return ReportHistory(trends: [trend], previous: previous, table: table)
    }

    @Test func isWellFormedWithEverySection() throws {
        let tree = try XMLTree(try report().0)
        for id in ["headline", "charts", "counties", "clues", "quality"] {
            #expect(tree.element(id: id) != nil, "missing section \(id)")
        }
        #expect(tree.element(id: "changes") == nil)
        #expect(tree.root?.attribute("lang") == "zh-CN")
    }

    @Test func drawsOneBarChartPerKeyIndicatorWithEveryCounty() throws {
        let tree = try XMLTree(try report().0)
        let keys = ProvinceFixture.indicators.filter(\.isKey)
        let charts = try #require(tree.element(id: "charts"))
        #expect(XMLTree.elements("svg", in: charts).count == keys.count)
        for key in keys {
            let figure = try #require(tree.element(id: "chart-" + key.id))
            let svg = try #require(XMLTree.elements("svg", in: figure).first)
            let labels = XMLTree.elements("text", in: svg).map { $0.stringValue ?? "" }
            for county in ProvinceFixture.counties { #expect(labels.contains(county.name), "\(key.id): \(county.name)") }
            let table = ProvinceFixture.table()
            let index = try #require(table.indicatorIndex(key.id))
            let defined = table.areaIndices(at: .county).filter { table.value(area: $0, indicator: index) != nil }
            #expect(XMLTree.elements("rect", in: svg).count == defined.count)
            if let target = key.target {
                #expect(labels.contains { $0.contains("目标") && $0.contains(FigureText.target(target, key)) })
            }
        }
    }

    @Test func barsAreSortedWorstFirstAndZeroBased() throws {
        let tree = try XMLTree(try report().0)
        let figure = try #require(tree.element(id: "chart-insurance_rate"))
        let rects = XMLTree.elements("rect", in: try #require(XMLTree.elements("svg", in: figure).first))
        let x = Set(rects.compactMap { $0.attribute("x") })
        #expect(x.count == 1)
        let widths = rects.compactMap { $0.attribute("width").flatMap(Double.init) }
        #expect(widths == widths.sorted())
        #expect(rects.first?.attribute("fill") == ReportStyle.missedColor)
    }

    @Test func headlineCardsShowProvinceAgainstTargets() throws {
        let tree = try XMLTree(try report().0)
        let headline = try #require(tree.element(id: "headline"))
        let cards = XMLTree.elements("div", in: headline).filter { ($0.attribute("class") ?? "").hasPrefix("card ") }
        #expect(cards.count == ProvinceFixture.indicators.filter(\.isKey).count)
        let table = ProvinceFixture.table()
        let insurance = try #require(table.indicatorIndex("insurance_rate"))
        let provinceCell = CountySummary.cell(table, area: 0, indicator: insurance)
        let text = cards.map { $0.stringValue ?? "" }
        #expect(text.contains { $0.contains(provinceCell.text) })
        #expect(cards.first?.attribute("class") == (provinceCell.missed ? "card missed" : "card met"))
    }

    @Test func countyTableMarksMissedTargets() throws {
        let tree = try XMLTree(try report().0)
        let section = try #require(tree.element(id: "counties"))
        let rows = XMLTree.elements("tr", in: section).dropFirst()
        let summary = CountySummary(table: ProvinceFixture.table())
        #expect(rows.count == summary.rows.count)
        let missed = XMLTree.elements("td", in: section).filter { $0.attribute("class") == "num missed" }
        let expected = summary.rows.flatMap { row in summary.columns.map { summary.cell(row, column: $0) } }.filter(\.missed)
        #expect(missed.count == expected.count)
        #expect(missed.allSatisfy { ($0.stringValue ?? "").hasSuffix("▼") })
        #expect(rows.filter { $0.attribute("class") == "subtotal" }.count == ProvinceFixture.prefectures.count)
    }

    @Test func dataQualityShowsAccountingAndCoverage() throws {
        let (data, fixture) = try report()
        let tree = try XMLTree(data)
        let section = try #require(tree.element(id: "quality"))
        let tables = XMLTree.elements("table", in: section)
        #expect(tables.count == 2)
        let feedRows = XMLTree.elements("tr", in: tables[0]).map { XMLTree.elements("td", in: $0).map { $0.stringValue ?? "" } }
        let header = XMLTree.elements("th", in: tables[0]).map { $0.stringValue ?? "" }
        let education = try #require(feedRows.first { $0.first == "education.csv" })
        let reasonColumn = try #require(header.firstIndex(of: "invalid_person_id"))
        #expect(education[1] == String(fixture.education.count + fixture.invalidEducationRows))
        #expect(education[3] == String(fixture.invalidEducationRows))
        #expect(education[reasonColumn] == String(fixture.invalidEducationRows))

        // Coverage of 520102: derived from the fixture's rows.
        let coverageRows = XMLTree.elements("tr", in: tables[1]).map { XMLTree.elements("td", in: $0).map { $0.stringValue ?? "" } }
        let coverageHeader = XMLTree.elements("th", in: tables[1]).map { $0.stringValue ?? "" }
        let row = try #require(coverageRows.first { $0.count > 1 && $0[1] == "520102" })
        let persons = fixture.persons.filter { $0.county == "520102" }.map(\.id)
        let households = fixture.households.filter { $0.county == "520102" }.map(\.id)
        func percent(_ covered: Int, _ base: Int) -> String { FigureText.fixed(Double(covered) / Double(base) * 100, decimals: 1) + "%" }
        #expect(row[2] == String(persons.count))
        #expect(row[3] == String(households.count))
        func column(_ feed: Feed) throws -> String {
            row[try #require(coverageHeader.firstIndex(of: FeedCoverage.label(feed, .zh)))]
        }
        #expect(try column(.education) == percent(fixture.education.filter(persons.contains).count, persons.count))
        let insured2026 = Set(fixture.insurance.filter { $0.1 == 2026 }.map(\.0)).filter(persons.contains)
        #expect(try column(.medicalInsurance) == percent(insured2026.count, persons.count))
        #expect(try column(.employment) == percent(fixture.employment.filter(persons.contains).count, persons.count))
        #expect(try column(.housing) == percent(fixture.housing.filter(households.contains).count, households.count))
        #expect(try column(.water) == percent(fixture.water.filter(households.contains).count, households.count))
        #expect(try column(.socialAssistance)
            == percent(fixture.socialAssistance.filter(persons.contains).count, persons.count))
    }

    @Test func showsClueCountsButNoPersonalData() throws {
        let (data, _) = try report()
        let text = try #require(String(data: data, encoding: .utf8))
        let tree = try XMLTree(data)
        let section = try #require(tree.element(id: "clues"))
        let tally = XMLTree.elements("li", in: section).map { XMLTree.elements("span", in: $0).map { $0.stringValue ?? "" }
            + XMLTree.elements("b", in: $0).map { $0.stringValue ?? "" } }
        let clues = ProvinceFixture.clues().households
        #expect(tally.contains(["南明区", "520102", String(clues.filter { $0.countyCode == "520102" }.count)]))
        #expect(tally.count == Set(clues.map(\.countyCode)).count)
        #expect(!text.contains(ProvinceFixture.headID))
        for household in clues { #expect(!text.contains(household.householdID)) }
    }

    @Test func hostileNamesShowAsPlainText() throws {
        let (data, _) = try report()
        let text = try #require(String(data: data, encoding: .utf8))
        let tree = try XMLTree(data)
        #expect(tree.elements("script").isEmpty)
        #expect(!text.contains("<script"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let cells = tree.elements("td").map { $0.stringValue ?? "" }
        #expect(cells.contains(ProvinceFixture.script))
        #expect(cells.contains(ProvinceFixture.hyperlink))
        #expect(tree.elements("a").isEmpty)
        for external in ["src=", "href=", "@import", "url(", "<link", "<img", "<iframe"] {
            #expect(!text.contains(external), "found \(external)")
        }
    }

    @Test func historyAddsTrendsAndChanges() throws {
        let history = history()
        let tree = try XMLTree(try report(history: history).0)
        let changes = try #require(tree.element(id: "changes"))
        let headline = try #require(tree.element(id: "headline"))
        let trends = XMLTree.elements("svg", in: headline)
        #expect(trends.count == 1)
        let points = XMLTree.elements("circle", in: try #require(trends.first))
        #expect(points.count == 4)
        let rows = XMLTree.elements("tr", in: changes).map { XMLTree.elements("td", in: $0).map { $0.stringValue ?? "" } }
        #expect(rows.contains { $0.contains("522601") && $0.contains("新未达标▼") })
        #expect(rows.contains { $0.contains("520102") && $0.contains("新达标") })
        #expect(rows.contains { $0.contains("520102") && $0.contains("+1.00 个百分点") })
    }

    @Test func englishReport() throws {
        let tree = try XMLTree(try report(language: .en).0)
        #expect(tree.root?.attribute("lang") == "en")
        #expect(tree.elements("h2").map { $0.stringValue ?? "" }.contains("Data quality"))
    }
}
