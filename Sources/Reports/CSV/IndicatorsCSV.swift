import Engine
import Ingest

/// `indicators.csv`, the long output of the catalogue: one row per (level,
/// code, indicator), in the table's area order then catalogue order.
///
/// Written as bytes in pieces of about a megabyte, formatted `threads` pieces
/// at a time and handed out in order: a national night has tens of millions
/// of rows, which are never held as one text.
public enum IndicatorsCSV {
    public static let header = "level,code,name,indicator,numerator,denominator,value"

    /// The whole file as UTF-8 text (no BOM: it is read by programs as much as by people).
    public static func text(_ table: IndicatorTable) -> String {
        var bytes: [UInt8] = []
        write(table) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands the file's bytes to `output` in pieces of about a megabyte, in order; the
    /// pieces are formatted on `threads` threads, the bytes are the same for any number.
    public static func write(_ table: IndicatorTable, threads: Int = 1,
                             to output: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try Array((header + "\n").utf8).withUnsafeBufferPointer(output)
        let rows = RowFormat(table)
        // Areas per piece: about a megabyte at ~40 bytes a row.
        let areasPerPiece = max(1, (1 << 20) / (40 * max(1, table.indicators.count)))
        let pieces = (table.areas.count + areasPerPiece - 1) / areasPerPiece
        let wave = max(1, threads) * 2
        for first in stride(from: 0, to: pieces, by: wave) {
            let formatted = parallelMap(count: min(wave, pieces - first), workers: threads) { i -> [UInt8] in
                let start = (first + i) * areasPerPiece
                return rows.bytes(areas: start..<min(table.areas.count, start + areasPerPiece))
            }
            for piece in formatted { try piece.withUnsafeBufferPointer(output) }
        }
    }

    /// The rows of a range of areas as bytes.
    private struct RowFormat {
        let table: IndicatorTable
        /// `,<id>,` of each indicator, one after the other. Ids are checked names already
        /// (a–z, 0–9, '_'); quoted anyway in case a table comes from elsewhere.
        let ids: [UInt8]
        /// Where each indicator's `,<id>,` starts in `ids` (and, last, its end).
        let idStarts: [Int]
        let decimals: [Int]
        let ratios: [Bool]
        let unavailable: [Bool]
        /// Bytes the rows of one area take at most, besides the area's own columns.
        let roomPerArea: Int

        init(_ table: IndicatorTable) {
            self.table = table
            let texts = table.indicators.map { Array(("," + CSVText.feedText($0.id) + ",").utf8) }
            ids = texts.flatMap { $0 }
            idStarts = texts.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
            decimals = table.indicators.map(\.decimals)
            ratios = table.indicators.map(\.isRatio)
            unavailable = table.indicators.indices.map { table.unavailable.contains($0) }
            roomPerArea = ids.count + decimals.reduce(0) { $0 + 3 * CSVBytes.integerRoom + CSVBytes.ratioRoom(decimals: $1) }
        }

        func bytes(areas: Range<Int>) -> [UInt8] {
            let count = table.indicators.count
            let prefixes = areas.map { index -> [UInt8] in
                let area = table.areas[index]
                return Array((area.level.rawValue + "," + CSVText.feedText(area.code) + ","
                              + CSVText.feedText(area.name)).utf8)
            }
            let room = prefixes.reduce(0) { $0 + $1.count * count + roomPerArea }
            return [UInt8](unsafeUninitializedCapacity: room) { out, written in
                guard var end = out.baseAddress else { return }
                ids.withUnsafeBufferPointer { ids in
                    for (areaIndex, prefix) in zip(areas, prefixes) {
                        for k in 0..<count {
                            end = prefix.withUnsafeBufferPointer { copy($0, to: end) }
                            end = copy(UnsafeBufferPointer(rebasing: ids[idStarts[k]..<idStarts[k + 1]]), to: end)
                            end = row(area: areaIndex, indicator: k, at: end)
                        }
                    }
                }
                written = end - out.baseAddress!
            }
        }

        /// Writes numerator, denominator and value of one row, with the line end; returns the end.
        @inline(__always)
        private func row(area: Int, indicator k: Int, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
            let comma = UInt8(ascii: ",")
            var end = start
            let numerator = table.numerators[area * table.indicators.count + k]
            if unavailable[k] {
                // A count with no value tonight (a flow on the first night): numerator and value empty.
                end.pointee = comma
                (end + 1).pointee = comma
                end += 2
            } else if ratios[k] {
                let denominator = table.denominators[area * table.indicators.count + k]
                end = CSVBytes.write(numerator, at: end)
                end.pointee = comma
                end = CSVBytes.write(denominator, at: end + 1)
                end.pointee = comma
                end += 1
                if denominator != 0 { end = CSVBytes.writeRatio(numerator, denominator, decimals: decimals[k], at: end) }
            } else {
                end = CSVBytes.write(numerator, at: end)
                end.pointee = comma
                (end + 1).pointee = comma
                end = CSVBytes.write(numerator, at: end + 2)
            }
            end.pointee = UInt8(ascii: "\n")
            return end + 1
        }

        @inline(__always)
        private func copy(_ bytes: UnsafeBufferPointer<UInt8>, to start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
            guard let base = bytes.baseAddress else { return start }
            start.update(from: base, count: bytes.count)
            return start + bytes.count
        }
    }
}
