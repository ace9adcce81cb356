import Ingest

/// The bytes of one feed's rows as they are written, built field by field
/// without a `String` per field.
struct RowBytes {
    private(set) var bytes: [UInt8] = []
    /// Rows ended so far.
    private(set) var rows = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends words as they are (vocabulary, names, header).
    @inline(__always)
    mutating func append(_ word: [UInt8]) {
        bytes.append(contentsOf: word)
    }

    @inline(__always)
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    @inline(__always)
    mutating func comma() {
        bytes.append(UInt8(ascii: ","))
    }

    /// Ends the current row with LF.
    @inline(__always)
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        rows += 1
    }

    /// `value` as exactly `width` digits with leading zeros.
    @inline(__always)
    mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor &*= 10 }
        var rest = value
        for _ in 0..<width {
            bytes.append(UInt8(truncatingIfNeeded: 48 + rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A non-negative whole number without leading zeros.
    @inline(__always)
    mutating func appendNumber(_ value: Int) {
        var width = 1
        var limit = 10
        while value >= limit && width < 19 { width += 1; limit &*= 10 }
        appendDigits(value, width: width)
    }

    /// A flag `0` or `1`.
    @inline(__always)
    mutating func appendFlag(_ value: Bool) {
        bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    /// An amount in hundredths as a decimal with two places (`1234.05`).
    @inline(__always)
    mutating func appendHundredths(_ hundredths: Int) {
        appendNumber(hundredths / 100)
        bytes.append(UInt8(ascii: "."))
        appendDigits(hundredths % 100, width: 2)
    }

    /// A day number as `YYYY-MM-DD`; nothing for a missing date.
    @inline(__always)
    mutating func appendDate(_ day: Int32) {
        guard day != DayNumber.missing else { return }
        let (year, month, dayOfMonth) = DayNumber.civil(day)
        appendDigits(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(dayOfMonth, width: 2)
    }

    /// The first row without its line end, or nil when there is none.
    var firstRow: [UInt8]? {
        guard let end = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return Array(bytes[..<end])
    }
}
