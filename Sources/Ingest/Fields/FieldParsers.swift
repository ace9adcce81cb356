/// Parsers for one field's bytes (`bytes[start..<end]`), used on the hot path.
/// Each returns nil when the bytes are not of the expected form.
enum FieldParsers {
    /// Exactly `width` ASCII digits, as an integer (leading zeros are kept by the fixed width).
    @inline(__always)
    static func fixedDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, width: Int) -> Int64? {
        guard end - start == width else { return nil }
        return digits(bytes, start, end)
    }

    /// A non-negative whole number of at most 9 digits.
    @inline(__always)
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        guard end > start, end - start <= 9 else { return nil }
        return digits(bytes, start, end)
    }

    /// The ASCII digits of `bytes[start..<end]` as a number; nil at any other byte.
    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        var value: Int64 = 0
        for p in start..<end {
            let d = Int64(bytes[p]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value &* 10 &+ d
        }
        return value
    }

    /// A non-negative decimal with `.` as separator, in hundredths (fen).
    /// Digits past the second decimal are truncated, which keeps every
    /// comparison with a threshold of whole fen exact.
    @inline(__always)
    static func hundredths(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        guard end > start else { return nil }
        var whole: Int64 = 0
        var p = start
        var digitsSeen = 0
        while p < end && bytes[p] != UInt8(ascii: ".") {
            let d = Int64(bytes[p]) &- 48
            guard d >= 0 && d <= 9, digitsSeen < 15 else { return nil }
            whole = whole &* 10 &+ d
            digitsSeen += 1
            p += 1
        }
        var fraction: Int64 = 0
        if p < end {
            p += 1 // the '.'
            var decimals = 0
            guard p < end || digitsSeen > 0 else { return nil }
            while p < end {
                let d = Int64(bytes[p]) &- 48
                guard d >= 0 && d <= 9 else { return nil }
                if decimals < 2 { fraction = fraction * 10 + d }
                decimals += 1
                digitsSeen += 1
                p += 1
            }
            if decimals == 1 { fraction *= 10 }
        } else {
            fraction = 0
        }
        guard digitsSeen > 0 else { return nil }
        return whole * 100 + fraction
    }

    /// `YYYY-MM-DD` as a day number, nil when malformed or not a real date.
    @inline(__always)
    static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        guard end - start == 10, let base = bytes.baseAddress else { return nil }
        let text = base + start
        guard text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-") else { return nil }
        var ymd = 0
        var digits = true
        for i in 0..<10 where i != 4 && i != 7 {
            let d = UInt(text[i]) &- 48
            digits = digits && d <= 9
            ymd = ymd &* 10 &+ Int(truncatingIfNeeded: d)
        }
        guard digits else { return nil }
        return DayNumber.from(year: ymd / 10_000, month: ymd / 100 % 100, day: ymd % 100)
    }

    /// Whether `bytes[start..<end]` equals `word`.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: [UInt8]) -> Bool {
        guard end - start == word.count else { return false }
        var i = 0
        while i < word.count {
            if bytes[start + i] != word[i] { return false }
            i += 1
        }
        return true
    }
}
