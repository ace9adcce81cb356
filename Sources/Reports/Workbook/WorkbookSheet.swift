/// One cell of a sheet.
enum SheetCell {
    case empty
    case text(String, CellStyle)
    case number(Double, CellStyle)
}

/// A worksheet: rows of cells, column widths, frozen panes; it writes
/// `xl/worksheets/sheet1.xml` with its strings in a shared-string table.
struct WorkbookSheet {
    var name: String
    var rows: [[SheetCell]] = []
    /// Width of each column in characters.
    var columnWidths: [Double] = []
    /// Rows and columns frozen at the top and left.
    var frozenRows = 1
    var frozenColumns = 0

    /// Column letters of a 0-based column: A, B, …, Z, AA, …
    static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// The sheet's XML, registering strings and styles as it goes.
    func xml(strings: inout SharedStrings, styles: inout WorkbookStyles) -> String {
        let columnCount = rows.map(\.count).max() ?? 1
        let lastCell = Self.columnName(max(columnCount, 1) - 1) + String(max(rows.count, 1))
        var out = WorkbookPackage.declaration
        out += "<worksheet xmlns=\"\(WorkbookPackage.mainNamespace)\" xmlns:r=\"\(WorkbookPackage.relationshipNamespace)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        out += "<dimension ref=\"A1:\(lastCell)\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\">" + paneXML() + "</sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !columnWidths.isEmpty {
            out += "<cols>"
            for (column, width) in columnWidths.enumerated() {
                out += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            let rowNumber = String(rowIndex + 1)
            out += "<row r=\"\(rowNumber)\">"
            for (column, cell) in row.enumerated() {
                let reference = Self.columnName(column) + rowNumber
                switch cell {
                case .empty:
                    break
                case .text(let text, let style):
                    out += "<c r=\"\(reference)\" s=\"\(styles.index(of: style))\" t=\"s\"><v>\(strings.index(of: text))</v></c>"
                case .number(let value, let style):
                    out += "<c r=\"\(reference)\" s=\"\(styles.index(of: style))\"><v>\(Self.numberText(value))</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        out += "</worksheet>"
        return out
    }

    private func paneXML() -> String {
        guard frozenRows > 0 || frozenColumns > 0 else { return "" }
        let topLeft = Self.columnName(frozenColumns) + String(frozenRows + 1)
        let pane: String
        var out = "<pane"
        if frozenColumns > 0 { out += " xSplit=\"\(frozenColumns)\"" }
        if frozenRows > 0 { out += " ySplit=\"\(frozenRows)\"" }
        switch (frozenRows > 0, frozenColumns > 0) {
        case (true, true): pane = "bottomRight"
        case (true, false): pane = "bottomLeft"
        default: pane = "topRight"
        }
        out += " topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
        out += "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        return out
    }

    /// A number as the XML value: integers without a fraction, others in full precision.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// The workbook's shared-string table (`xl/sharedStrings.xml`).
struct SharedStrings {
    private(set) var strings: [String] = []
    private var positions: [String: Int] = [:]
    private(set) var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let position = positions[text] { return position }
        strings.append(text)
        positions[text] = strings.count - 1
        return strings.count - 1
    }

    var xml: String {
        var out = WorkbookPackage.declaration
        out += "<sst xmlns=\"\(WorkbookPackage.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for text in strings { out += "<si><t xml:space=\"preserve\">\(MarkupText.escape(text))</t></si>" }
        out += "</sst>"
        return out
    }
}
