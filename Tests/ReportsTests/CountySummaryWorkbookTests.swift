import Engine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Reports
import TestSupport
import Testing
import ZIPFoundation

@Suite struct CountySummaryWorkbookTests {
    /// The workbook's parts by path.
    func parts(_ options: ReportOptions = ReportOptions()) throws -> [String: Data] {
        let (_, ingest) = try FeedFixture.ingest()
        let folder = try TemporaryFolder(prefix: "reports-xlsx")
        defer { folder.remove() }
        try CountySummaryWorkbook().write(ProvinceFixture.inputs(ingest: ingest), options: options, to: folder.url)
        let archive = try Archive(url: folder.url.appendingPathComponent("county_summary.xlsx"), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }

    /// A parsed sheet: cell reference → (type, value, style).
    struct Sheet {
        var cells: [String: (type: String?, value: String, style: Int)] = [:]
        let strings: [String]
        let tree: XMLTree

        init(_ parts: [String: Data]) throws {
            let shared = try XMLTree(try #require(parts["xl/sharedStrings.xml"]))
            strings = shared.elements("si").map { $0.stringValue ?? "" }
            tree = try XMLTree(try #require(parts["xl/worksheets/sheet1.xml"]))
            for cell in tree.elements("c") {
                let value = XMLTree.elements("v", in: cell).first?.stringValue ?? ""
                cells[cell.attribute("r") ?? ""] = (cell.attribute("t"), value, Int(cell.attribute("s") ?? "0") ?? 0)
            }
        }

        func text(_ reference: String) -> String? {
            guard let cell = cells[reference], cell.type == "s", let index = Int(cell.value) else { return nil }
            return strings[index]
        }

        func number(_ reference: String) -> Double? {
            guard let cell = cells[reference], cell.type == nil else { return nil }
            return Double(cell.value)
        }
    }

    /// Styles: `cellXfs` position → (number format code, fill colour).
    func styles(_ parts: [String: Data]) throws -> [(format: String?, fill: String?)] {
        let tree = try XMLTree(try #require(parts["xl/styles.xml"]))
        var formats: [String: String] = [:]
        for format in tree.elements("numFmt") { formats[format.attribute("numFmtId") ?? ""] = format.attribute("formatCode") }
        let fills = tree.elements("fill").map { XMLTree.elements("fgColor", in: $0).first?.attribute("rgb") }
        let cellXfs = try #require(tree.elements("cellXfs").first)
        return XMLTree.elements("xf", in: cellXfs).map { xf in
            (formats[xf.attribute("numFmtId") ?? ""], fills[Int(xf.attribute("fillId") ?? "0") ?? 0])
        }
    }

    @Test func hasEveryPartOfAWorkbook() throws {
        let parts = try parts()
        for path in ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
                     "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"] {
            let data = try #require(parts[path], "missing \(path)")
            _ = try XMLTree(data)
        }
    }

    @Test func cellsHoldNumbersWithFormatsAndTexts() throws {
        let parts = try parts()
        let sheet = try Sheet(parts)
        let styles = try styles(parts)
        let table = ProvinceFixture.table()
        let columns = table.indicators.indices.filter { table.indicators[$0].inSummary }
        #expect(sheet.text("A1") == "层级")
        #expect(sheet.text("D1") == "人数")
        // Rows 2… follow the summary: 520102 first.
        #expect(sheet.text("B2") == "520102")
        #expect(sheet.text("C2") == "南明区")
        let summary = CountySummary(table: table)
        for (rowOffset, row) in summary.rows.enumerated() {
            let rowNumber = String(rowOffset + 2)
            #expect(sheet.text("B" + rowNumber) == table.areas[row.area].code)
            for (columnOffset, indicator) in columns.enumerated() {
                let reference = WorkbookSheet.columnName(3 + columnOffset) + rowNumber
                let definition = table.indicators[indicator]
                guard let expected = table.value(area: row.area, indicator: indicator) else {
                    #expect(sheet.cells[reference] == nil, "\(reference) should be empty")
                    continue
                }
                let value = try #require(sheet.number(reference), "\(reference) should be a number")
                #expect(abs(value - expected) < 1e-12)
                let style = styles[try #require(sheet.cells[reference]).style]
                switch definition.unit {
                case "rate": #expect(style.format == "0.00%")
                case "ratio": #expect(style.format == "0.00")
                default: #expect(style.format == "0")
                }
                let missed = definition.target.map { !$0.isMet(by: expected) } ?? false
                #expect((style.fill == WorkbookStyles.highlightFill) == missed, "\(reference) highlight")
            }
        }
    }

    @Test func highlightsAMissedTarget() throws {
        let parts = try parts()
        let sheet = try Sheet(parts)
        let styles = try styles(parts)
        // 522601 is the third county row (row 5 after the Guiyang subtotal in row 4); insurance is column E.
        #expect(sheet.text("B5") == "522601")
        #expect(sheet.number("E5") == 0.985)
        #expect(styles[try #require(sheet.cells["E5"]).style].fill == WorkbookStyles.highlightFill)
        #expect(styles[try #require(sheet.cells["E2"]).style].fill == nil)
    }

    @Test func freezesHeaderRowAndSetsWidths() throws {
        let sheet = try Sheet(try parts())
        let pane = try #require(sheet.tree.elements("pane").first)
        #expect(pane.attribute("ySplit") == "1")
        #expect(pane.attribute("state") == "frozen")
        let widths = sheet.tree.elements("col").compactMap { $0.attribute("width").flatMap(Double.init) }
        #expect(widths.count == 3 + ProvinceFixture.indicators.filter(\.inSummary).count)
        #expect(widths.allSatisfy { $0 >= 8 })
    }

    @Test func hostileNamesArePlainText() throws {
        let parts = try parts()
        let sheet = try Sheet(parts)
        #expect(sheet.strings.contains("'" + ProvinceFixture.hyperlink))
        #expect(sheet.strings.contains("'" + ProvinceFixture.tabbed))
        #expect(sheet.strings.contains(ProvinceFixture.script))
        #expect(sheet.tree.elements("f").isEmpty)
        let shared = try #require(parts["xl/sharedStrings.xml"])
        let raw = try #require(String(data: shared, encoding: .utf8))
        #expect(raw.contains("&lt;script&gt;"))
        #expect(!raw.contains("<script"))
    }

    @Test func englishSheetName() throws {
        let workbook = try XMLTree(try #require(try parts(ReportOptions(language: .en))["xl/workbook.xml"]))
        #expect(workbook.elements("sheet").first?.attribute("name") == "County summary")
    }
}
