/// How wide text looks in a fixed-width grid (spreadsheet columns, chart labels).
enum TextWidth {
    /// Width in character cells: CJK and other wide characters count twice.
    static func cells(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
