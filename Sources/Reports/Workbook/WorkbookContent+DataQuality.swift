import Engine
import Ingest

extension WorkbookContent {
    /// 数据质量: rows read, accepted and quarantined per feed (by reason), then
    /// the share of each county's roster every sector feed covers.
    func dataQualitySheet() throws {
        let sheet = try workbook.addSheet(sheetName(.dataQuality))
        let ingest = inputs.quality
        let reasons = QuarantineReason.allCases.filter { reason in
            ingest.accounting.contains { ($0.quarantinedByReason[reason] ?? 0) > 0 }
        }
        let count = CellStyle(numberFormat: "#,##0")
        let share = CellStyle(numberFormat: "0.00%")
        let header =
            [
                language.pick("文件", "file"), language.pick("读取", "read"), language.pick("接受", "accepted"),
                language.pick("隔离", "quarantined"), language.pick("隔离比例", "share"),
                language.pick("状态", "status"),
            ] + reasons.map(\.rawValue)
        for (column, text) in header.enumerated() { sheet.text(0, column, text, .header) }
        for (offset, feed) in ingest.accounting.enumerated() {
            let row = 1 + offset
            sheet.text(row, 0, feed.feed.fileName)
            sheet.number(row, 1, Double(feed.read), count)
            sheet.number(row, 2, Double(feed.accepted), count)
            sheet.number(row, 3, Double(feed.quarantined), count)
            sheet.number(row, 4, feed.quarantinedShare, share)
            let passes = feed.passes(maximumShare: ingest.maxQuarantineShare)
            sheet.text(row, 5, passes ? language.pick("通过", "passes") : language.pick("超过上限", "over the limit"))
            for (position, reason) in reasons.enumerated() {
                sheet.number(row, 6 + position, Double(feed.quarantinedByReason[reason] ?? 0), count)
            }
        }
        if !ingest.accounting.isEmpty {
            let limit = String(ingest.maxQuarantineShare)
            try sheet.highlight(
                CellRange(
                    sheet: sheet.name, firstRow: 1, firstColumn: 4, lastRow: ingest.accounting.count,
                    lastColumn: 4), when: "AND(ISNUMBER(E2),E2>\(limit)+1E-12)")
        }
        let note = 2 + ingest.accounting.count
        sheet.text(
            note, 0,
            language.pick("隔离比例上限 ", "quarantine limit ")
                + FigureText.fixed(ingest.maxQuarantineShare * 100, decimals: 2) + "%")
        try coverageTable(sheet, from: note + 2)
        sheet.width(0, 22)
        for column in 1..<max(header.count, 7) { sheet.width(column, 12) }
        sheet.freeze(rows: 1, columns: 1)
        sheet.printSetup(titleRows: 1, header: pageHeader(.dataQuality))
    }

    /// The share of each county's persons or households with a row in each sector feed.
    private func coverageTable(_ sheet: XlsxSheet, from top: Int) throws {
        let year = Int(inputs.runDate.prefix(4)) ?? 0
        let coverage = inputs.quality.coverage
        sheet.text(
            top, 0,
            language.pick(
                "各部门数据覆盖率（按县；医保为 \(year) 年）",
                "Sector feed coverage by county (medical insurance: \(year))"), .bold)
        let header =
            [
                language.pick("代码", "code"), language.pick("县", "county"), language.pick("人数", "persons"),
                language.pick("户数", "households"),
            ] + FeedCoverage.sectorFeeds.map { FeedCoverage.label($0, language) }
        for (column, text) in header.enumerated() { sheet.text(top + 1, column, text, .header) }
        var row = top + 2
        func write(_ code: String, _ name: String, _ county: FeedCoverage.County, _ bold: Bool) {
            let style = bold ? CellStyle.bold : CellStyle.plain
            sheet.text(row, 0, code, style)
            sheet.text(row, 1, feedText(name), style)
            sheet.number(row, 2, Double(county.persons), CellStyle(numberFormat: "#,##0", bold: bold))
            sheet.number(row, 3, Double(county.households), CellStyle(numberFormat: "#,##0", bold: bold))
            for (position, feed) in FeedCoverage.sectorFeeds.enumerated() {
                sheet.number(row, 4 + position, county.share(feed), CellStyle(numberFormat: "0.0%", bold: bold))
            }
            row += 1
        }
        for area in table.areaIndices(at: .county) {
            let unit = table.areas[area]
            write(unit.code, unit.name, coverage.counties[unit.code] ?? FeedCoverage.County(), false)
        }
        let province = table.areaIndices(at: .province).first
        write(
            province.map { table.areas[$0].code } ?? "",
            province.map { table.areas[$0].name } ?? language.pick("全省", "province"),
            coverage.total, true)
    }
}
