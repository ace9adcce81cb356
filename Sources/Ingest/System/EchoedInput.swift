/// Input quoted back in a message or the log: at most 200 bytes of it, with
/// control characters (line breaks, NUL, escape sequences) shown as `?`, so a
/// hostile header never floods the log nor reaches the terminal raw.
public enum EchoedInput {
    /// The most bytes of input one message quotes.
    public static let limit = 200

    /// `text` cut to `bytes` UTF-8 bytes (on a character boundary, `…` added when cut).
    public static func text(_ text: String, bytes: Int = limit) -> String {
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let shown: Unicode.Scalar = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "?" : scalar
            let size = UTF8.width(shown)
            guard used + size <= bytes else { return out + "…" }
            out.unicodeScalars.append(shown)
            used += size
        }
        return out
    }

    /// `text` cut to at most `bytes` UTF-8 bytes on a character boundary (`…` added when cut),
    /// its characters otherwise kept.
    public static func cut(_ text: String, bytes: Int = limit) -> String {
        guard text.utf8.count > bytes else { return text }
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            guard used + size <= bytes else { break }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out + "…"
    }

    /// Names joined by `, `, as many as fit in `bytes` (the last one cut), then how many more there are.
    public static func list(_ names: [String], bytes: Int = limit) -> String {
        var out = ""
        for (index, name) in names.enumerated() {
            let separator = index == 0 ? "" : ", "
            let room = bytes - out.utf8.count - separator.utf8.count
            guard room >= 12 else { return out + " and \(names.count - index) more" }
            out += separator + text(name, bytes: room)
        }
        return out
    }
}
