import Reports

/// A plain-text table for the terminal: columns padded to their widest cell,
/// Chinese characters counted as two columns, numbers aligned right.
public struct TerminalTable {
    public enum Alignment: Sendable { case left, right }

    /// A column's header and how its cells align.
    public struct Column: Sendable {
        public let header: String
        public let alignment: Alignment

        public static func left(_ header: String) -> Column { Column(header: header, alignment: .left) }
        public static func right(_ header: String) -> Column { Column(header: header, alignment: .right) }
    }

    public let headers: [String]
    public let alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(_ columns: [Column]) {
        headers = columns.map { TerminalText.plain($0.header) }
        alignments = columns.map(\.alignment)
    }

    /// Adds a row; control characters in its cells are dropped (see `TerminalText`).
    public mutating func append(_ row: [String]) { rows.append(row.map(TerminalText.plain)) }

    /// The table with a rule under the header, each line indented by `indent` spaces.
    public func text(indent: Int = 0) -> String {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { Self.width(column < $0.count ? $0[column] : "") }.max() ?? 0
        }
        let margin = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            let padded = headers.indices.map { column -> String in
                let cell = column < cells.count ? cells[column] : ""
                let fill = String(repeating: " ", count: widths[column] - Self.width(cell))
                return alignments[column] == .right ? fill + cell : cell + fill
            }
            return margin + padded.joined(separator: "  ").replacingTrailingSpaces() + "\n"
        }
        var out = line(headers)
        out += margin + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) }
        return out
    }

    /// Columns a terminal uses for `text`: East Asian wide characters take two.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in total + (isWide(scalar.value) ? 2 : 1) }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
