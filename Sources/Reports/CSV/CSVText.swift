import Foundation

/// Text of one CSV field (RFC 4180) that is safe to open in Excel or WPS.
///
/// Works on UTF-8 bytes, never on characters: a quote followed by a combining
/// mark is one `Character` to Swift but still a quote to every CSV reader, so
/// it must be doubled like any other.
public enum CSVText {
    /// Quotes the field when it holds a comma, quote or line break, doubling
    /// quotes inside; control characters other than tab and line breaks (NUL,
    /// ESC, …) become `�`, since spreadsheets and CSV readers mangle them.
    public static func field(_ text: String) -> String {
        var needsQuotes = false
        var hasControl = false
        for byte in text.utf8 {
            switch byte {
            case 44, 34, 10, 13: needsQuotes = true
            case 9: break
            case 0..<32, 127: hasControl = true
            default: break
            }
        }
        guard needsQuotes || hasControl else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        if needsQuotes { out.append(34) }
        for byte in text.utf8 {
            switch byte {
            case 34: out += [34, 34]
            case 9, 10, 13: out.append(byte)
            case 0..<32, 127: out += replacement
            default: out.append(byte)
            }
        }
        if needsQuotes { out.append(34) }
        return String(decoding: out, as: UTF8.self)
    }

    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Like `field`, and text from a feed that a spreadsheet would run as a
    /// formula (it starts with `=`, `+`, `-`, `@`, tab or carriage return) is
    /// prefixed with `'` so it shows as plain text.
    public static func feedText(_ text: String) -> String {
        field(neutralised(text))
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula
    /// (decided on its first byte, whatever marks combine with it).
    public static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// `=`, `+`, `-`, `@`, tab, carriage return, line feed.
    static let formulaStarts: Set<UInt8> = [61, 43, 45, 64, 9, 13, 10]

    /// One CSV line (with LF) from already-escaped fields.
    public static func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\n"
    }
}
