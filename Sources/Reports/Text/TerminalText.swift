/// Text that is safe to print on a terminal: names come from the feeds, and a
/// name holding an escape sequence (`ESC[31m`, a title change, a bidi override)
/// must not recolour, retitle or reorder the statistician's screen.
public enum TerminalText {
    /// `text` without control characters: C0 and C1 controls (ESC, NUL, BEL, …,
    /// but not line feed or tab), DEL, and the bidirectional formatting marks.
    public static func plain(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
