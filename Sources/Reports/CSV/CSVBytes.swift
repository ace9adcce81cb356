/// Writing CSV figures straight into memory, for the outputs with millions of
/// rows (`indicators.csv`): numbers as `String(value)` would print them,
/// without a `String` per field. The caller provides room for the longest text.
enum CSVBytes {
    /// Bytes an `Int64` takes at most (sign and 19 digits).
    static let integerRoom = 20

    /// Bytes a ratio with `decimals` places takes at most.
    static func ratioRoom(decimals: Int) -> Int { 22 + decimals }

    /// Writes the decimal digits of `value` at `start`, as `String(value)` writes them; returns the end.
    @inline(__always)
    static func write(_ value: Int64, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard value < 0 else { return writeDigits(value.magnitude, at: start) }
        start.pointee = UInt8(ascii: "-")
        return writeDigits(value.magnitude, at: start + 1)
    }

    /// Writes the decimal digits of `value` at `start`, at least `width` of them (leading zeros); returns the end.
    @inline(__always)
    static func writeDigits(_ value: UInt64, width: Int = 1, at start: UnsafeMutablePointer<UInt8>)
        -> UnsafeMutablePointer<UInt8> {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        let end = start + max(count, width)
        var position = end
        rest = value
        repeat {
            position -= 1
            position.pointee = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
            rest /= 10
        } while rest > 0
        while position > start {
            position -= 1
            position.pointee = UInt8(ascii: "0")
        }
        return end
    }

    /// Writes `numerator / denominator` rounded half up to `decimals` places, exactly as
    /// `ExactDecimal.ratio`, at `start`; returns the end.
    static func writeRatio(_ numerator: Int64, _ denominator: Int64, decimals: Int,
                           at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        let n = numerator.magnitude, d = denominator.magnitude
        let scaled = (n * scale * 2 + d) / (2 * d)
        var end = start
        if negative {
            end.pointee = UInt8(ascii: "-")
            end += 1
        }
        end = writeDigits(scaled / scale, at: end)
        guard decimals > 0 else { return end }
        end.pointee = UInt8(ascii: ".")
        return writeDigits(scaled % scale, width: decimals, at: end + 1)
    }
}
