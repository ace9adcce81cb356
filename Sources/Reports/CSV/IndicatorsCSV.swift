import Engine

/// `indicators.csv`, the long output of the catalogue: one row per (level,
/// code, indicator), in the table's area order then catalogue order.
///
/// Written as bytes in pieces of about a megabyte: a national night has tens
/// of millions of rows, which are never held as one text.
public enum IndicatorsCSV {
    public static let header = "level,code,name,indicator,numerator,denominator,value"

    /// The whole file as UTF-8 text (no BOM: it is read by programs as much as by people).
    public static func text(_ table: IndicatorTable) -> String {
        var bytes: [UInt8] = []
        write(table) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands the file's bytes to `output` in pieces of about a megabyte, in order.
    public static func write(_ table: IndicatorTable, to output: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        buffer.append(contentsOf: (header + "\n").utf8)
        // Ids are checked names already (a–z, 0–9, '_'); quoted anyway in case a table comes from elsewhere.
        let ids = table.indicators.map { Array(("," + CSVText.feedText($0.id) + ",").utf8) }
        let decimals = table.indicators.map(\.decimals)
        let ratios = table.indicators.map(\.isRatio)
        let count = table.indicators.count
        for (areaIndex, area) in table.areas.enumerated() {
            let prefix = Array((area.level.rawValue + "," + CSVText.feedText(area.code) + ","
                                + CSVText.feedText(area.name)).utf8)
            for k in 0..<count {
                let numerator = table.numerators[areaIndex * count + k]
                buffer.append(contentsOf: prefix)
                buffer.append(contentsOf: ids[k])
                appendInteger(numerator, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                if ratios[k] {
                    let denominator = table.denominators[areaIndex * count + k]
                    appendInteger(denominator, to: &buffer)
                    buffer.append(UInt8(ascii: ","))
                    if denominator != 0 { appendRatio(numerator, denominator, decimals: decimals[k], to: &buffer) }
                } else {
                    buffer.append(UInt8(ascii: ","))
                    appendInteger(numerator, to: &buffer)
                }
                buffer.append(UInt8(ascii: "\n"))
            }
            if buffer.count >= 1 << 20 {
                try buffer.withUnsafeBufferPointer(output)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try buffer.withUnsafeBufferPointer(output)
    }

    /// Decimal digits of `value`, as `String(value)` writes them.
    static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, to: &buffer)
    }

    /// Decimal digits of `value`, at least `width` of them (leading zeros).
    @inline(__always)
    private static func appendDigits(_ value: UInt64, width: Int = 1, to buffer: inout [UInt8]) {
        let start = buffer.count
        var rest = value
        repeat {
            buffer.append(UInt8(truncatingIfNeeded: rest % 10) + 48)
            rest /= 10
        } while rest > 0 || buffer.count - start < width
        buffer[start...].reverse()
    }

    /// `numerator / denominator` rounded half up to `decimals` places, exactly as `ExactDecimal.ratio`.
    static func appendRatio(_ numerator: Int64, _ denominator: Int64, decimals: Int, to buffer: inout [UInt8]) {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        let n = numerator.magnitude, d = denominator.magnitude
        let scaled = (n * scale * 2 + d) / (2 * d)
        if negative { buffer.append(UInt8(ascii: "-")) }
        appendDigits(scaled / scale, to: &buffer)
        guard decimals > 0 else { return }
        buffer.append(UInt8(ascii: "."))
        appendDigits(scaled % scale, width: decimals, to: &buffer)
    }
}
