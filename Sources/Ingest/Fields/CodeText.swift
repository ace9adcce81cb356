/// Text of fixed-width digit codes stored as integers.
public enum CodeText {
    /// `value` as exactly `width` digits, with leading zeros.
    public static func digits(_ value: Int64, width: Int) -> String {
        guard value >= 0 else {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        // Written straight into the string's storage, right to left: no intermediate strings.
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        let count = max(width, length)
        return String(unsafeUninitializedCapacity: count) { buffer in
            var rest = value
            for position in stride(from: count - 1, through: 0, by: -1) {
                buffer[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
            }
            return count
        }
    }
}
