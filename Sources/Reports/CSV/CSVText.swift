import Foundation

/// Text of one CSV field (RFC 4180) that is safe to open in Excel or WPS.
public enum CSVText {
    /// Quotes the field when it holds a comma, quote or line break, doubling quotes inside.
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Like `field`, and text from a feed that a spreadsheet would run as a
    /// formula (it starts with `=`, `+`, `-`, `@`, tab or carriage return) is
    /// prefixed with `'` so it shows as plain text.
    public static func feedText(_ text: String) -> String {
        field(neutralised(text))
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// One CSV line (with LF) from already-escaped fields.
    public static func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\n"
    }
}
