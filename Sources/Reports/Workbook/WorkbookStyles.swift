/// How one cell looks: its number format, weight and highlight.
struct CellStyle: Hashable {
    /// An Excel number format code such as `0.00%`; nil for General.
    var numberFormat: String?
    var bold = false
    /// Light red fill and dark red text, Excel's "Bad" look: a missed target.
    var highlighted = false
    /// Grey fill and bold: the header row.
    var header = false
}

/// The cell styles a sheet uses, numbered in order of first use, and `xl/styles.xml`.
struct WorkbookStyles {
    private(set) var styles: [CellStyle] = [CellStyle()]
    private var positions: [CellStyle: Int] = [CellStyle(): 0]

    /// The style's position in `cellXfs` (the `s` attribute of a cell).
    mutating func index(of style: CellStyle) -> Int {
        if let position = positions[style] { return position }
        styles.append(style)
        positions[style] = styles.count - 1
        return styles.count - 1
    }

    static let firstCustomFormat = 164
    static let headerFill = "FFD9E1F2"
    static let highlightFill = "FFFFC7CE"
    static let highlightText = "FF9C0006"

    /// `xl/styles.xml`.
    var xml: String {
        var formats: [String] = []
        for style in styles { if let code = style.numberFormat, !formats.contains(code) { formats.append(code) } }
        var out = WorkbookPackage.declaration
        out += "<styleSheet xmlns=\"\(WorkbookPackage.mainNamespace)\">"
        if !formats.isEmpty {
            out += "<numFmts count=\"\(formats.count)\">"
            for (offset, code) in formats.enumerated() {
                out += "<numFmt numFmtId=\"\(Self.firstCustomFormat + offset)\" formatCode=\"\(MarkupText.escape(code))\"/>"
            }
            out += "</numFmts>"
        }
        // Fonts: 0 plain, 1 bold, 2 dark red, 3 dark red bold.
        out += "<fonts count=\"4\">"
        for (bold, red) in [(false, false), (true, false), (false, true), (true, true)] {
            out += "<font>" + (bold ? "<b/>" : "") + "<sz val=\"11\"/>"
            out += red ? "<color rgb=\"\(Self.highlightText)\"/>" : "<color theme=\"1\"/>"
            out += "<name val=\"Calibri\"/><family val=\"2\"/></font>"
        }
        out += "</fonts>"
        // Fills: 0 and 1 are required by Excel; 2 header, 3 highlight.
        out += "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill>"
        out += "<fill><patternFill patternType=\"gray125\"/></fill>"
        for color in [Self.headerFill, Self.highlightFill] {
            out += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(color)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        out += "</fills>"
        out += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(styles.count)\">"
        for style in styles {
            let format = style.numberFormat.flatMap { formats.firstIndex(of: $0) }.map { Self.firstCustomFormat + $0 } ?? 0
            let font = (style.bold || style.header ? 1 : 0) + (style.highlighted ? 2 : 0)
            let fill = style.highlighted ? 3 : (style.header ? 2 : 0)
            out += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
            if format != 0 { out += " applyNumberFormat=\"1\"" }
            if font != 0 { out += " applyFont=\"1\"" }
            if fill != 0 { out += " applyFill=\"1\"" }
            out += "/>"
        }
        out += "</cellXfs>"
        out += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        out += "</styleSheet>"
        return out
    }
}
