import Engine
import Foundation
import Ingest
@testable import Reports
import TestSupport
import Testing

@Suite struct CountySummaryCSVTests {
    /// Writes `county_summary.csv` for the fixture and returns its bytes.
    func summaryBytes(_ options: ReportOptions = ReportOptions()) throws -> Data {
        let (_, ingest) = try FeedFixture.ingest()
        let folder = try TemporaryFolder(prefix: "reports-summary")
        defer { folder.remove() }
        try CountySummaryCSV().write(ProvinceFixture.inputs(ingest: ingest), options: options, to: folder.url)
        return try folder.data("county_summary.csv")
    }

    func records(_ data: Data) throws -> [[String]] {
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        return CSVRecords.parse(text)
    }

    @Test func startsWithBOMAndChineseHeaders() throws {
        let rows = try records(try summaryBytes())
        let shown = ProvinceFixture.indicators.filter(\.inSummary)
        #expect(rows[0] == ["层级", "代码", "名称"] + shown.map { $0.unit == "rate" ? $0.labelZH + "（%）" : $0.labelZH }
            + ["未达标指标"])
        #expect(!rows[0].contains("自来水普及率"))
    }

    @Test func englishHeaders() throws {
        let rows = try records(try summaryBytes(ReportOptions(language: .en)))
        #expect(rows[0] == ["level", "code", "name"]
            + ProvinceFixture.indicators.filter(\.inSummary).map { $0.unit == "rate" ? $0.labelEN + " (%)" : $0.labelEN }
            + ["missed targets"])
        #expect(rows.last?.first == "province total")
    }

    @Test func rowsAreCountiesThenSubtotalPerPrefectureThenProvince() throws {
        let rows = try records(try summaryBytes()).dropFirst()
        let table = ProvinceFixture.table()
        var expected: [[String]] = []
        for prefecture in ProvinceFixture.prefectures {
            expected += ProvinceFixture.counties.filter { $0.prefecture == prefecture.code }.map { ["县（市、区）", $0.code] }
            expected.append(["市（州）小计", prefecture.code])
        }
        expected.append(["全省合计", "52"])
        #expect(rows.map { Array($0.prefix(2)) } == expected)
        #expect(rows.count == table.areaIndices(at: .county).count + table.areaIndices(at: .prefecture).count + 1)
    }

    @Test func subtotalsAndProvinceShowTheirOwnFigures() throws {
        let rows = Array(try records(try summaryBytes()).dropFirst())
        let table = ProvinceFixture.table()
        let columns = table.indicators.indices.filter { table.indicators[$0].inSummary }
        for row in rows where row[0] != "县（市、区）" {
            let area = try #require(table.areas.firstIndex { $0.code == row[1] && $0.level != .county })
            for (offset, indicator) in columns.enumerated() {
                let shown = row[3 + offset]
                let numerator = table.numerator(area: area, indicator: indicator)
                let denominator = table.denominator(area: area, indicator: indicator)
                let definition = table.indicators[indicator]
                switch definition.unit {
                case "rate":
                    let percent = try #require(Double(shown))
                    #expect(abs(percent / 100 - Double(numerator) / Double(denominator)) < 0.00005)
                case "ratio":
                    let ratio = try #require(Double(shown))
                    #expect(abs(ratio - Double(numerator) / Double(denominator)) < 0.005)
                default:
                    #expect(shown == String(numerator))
                }
            }
        }
        // The subtotal is not the mean of its counties' rates: it divides the sums once.
        let guiyang = try #require(rows.first { $0[1] == "520100" })
        #expect(guiyang[4] == ExactDecimal.ratio((99 + 9934) * 100, 100 + 10000, decimals: 2))
        #expect(guiyang[4] != "99.17", "the mean of 99.00% and 99.34%")
    }

    @Test func figuresArePlainNumbersAndMissedTargetsAreNamedLast() throws {
        let rows = try records(try summaryBytes())
        func row(_ code: String) throws -> [String] { try #require(rows.first { $0[1] == code }) }
        // insurance_rate (≥ 0.99, in percent), compulsory_dropouts (= 0), employed_per_relocated_household (ratio)
        #expect(try row("520102")[3...] == ["3", "99.00", "0", "1.50", ""])
        #expect(try row("520103")[3...] == ["1200", "99.34", "1", "", "义务教育阶段辍学人数"])
        #expect(try row("522601")[3...] == ["7", "98.50", "0", "0.33", "参保率"])
        #expect(try row("522602")[3...] == ["2", "", "2", "1.25", "义务教育阶段辍学人数"])
        // Every figure cell is empty or a number a spreadsheet reads as one: no marks, no percent signs.
        for record in rows.dropFirst() {
            for field in record[3..<(record.count - 1)] where !field.isEmpty {
                #expect(Double(field) != nil && field.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }, "\(field)")
            }
        }
    }

    @Test func quotesPerRFC4180AndNeutralisesFormulas() throws {
        let data = try summaryBytes()
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        #expect(text.contains(",\"Kaili, \"\"old\"\" town\","))
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
        let names = CSVRecords.parse(text).map { $0[2] }
        #expect(names.contains("Kaili, \"old\" town"))
        #expect(names.contains("'" + ProvinceFixture.hyperlink))
        #expect(names.contains("'" + ProvinceFixture.tabbed))
        #expect(names.contains(ProvinceFixture.script))
        #expect(!names.contains { $0.first.map { "=+-@\t\r".contains($0) } ?? false })
    }

    @Test func gb18030RoundTripsToTheSameText() throws {
        let utf8 = try summaryBytes()
        let gb = try summaryBytes(ReportOptions(spreadsheetEncoding: .gb18030))
        #expect(Array(gb.prefix(3)) != [0xEF, 0xBB, 0xBF])
        #expect(String(data: gb, encoding: .utf8) == nil)
        let decoded = try gb.withUnsafeBytes { try GB18030Decoder.decode($0.bindMemory(to: UInt8.self)) }
        #expect(decoded == Array(utf8.dropFirst(3)))
        // 南 is C4 CF in GB18030.
        #expect(gb.range(of: Data([0xC4, 0xCF])) != nil)
    }
}
