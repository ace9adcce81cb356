/// Text of fixed-width digit codes stored as integers.
public enum CodeText {
    /// `value` as exactly `width` digits, with leading zeros.
    public static func digits(_ value: Int64, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
