/// A roster column in sorted order, stored as narrow as its values allow.
/// `missing` is the stored value that means "no value".
enum ColumnValues: Sendable {
    case uint8([UInt8], missing: UInt8?)
    case int16([Int16])
    case int32([Int32], missing: Int32?)
    case int64([Int64], missing: Int64?)

    /// Copies rows `rows` (or the rows named by `index`) into `out` as Int64, missing as `missingValue`.
    @inline(__always)
    func load(rows: Range<Int>, through index: UnsafePointer<Int32>?, into out: UnsafeMutablePointer<Int64>) {
        switch self {
        case .uint8(let values, let missing): Self.copy(values, missing, rows, index, out)
        case .int16(let values): Self.copy(values, nil, rows, index, out)
        case .int32(let values, let missing): Self.copy(values, missing, rows, index, out)
        case .int64(let values, let missing): Self.copy(values, missing, rows, index, out)
        }
    }

    @inline(__always)
    private static func copy<T: BinaryInteger>(_ values: [T], _ missing: T?, _ rows: Range<Int>,
                                               _ index: UnsafePointer<Int32>?, _ out: UnsafeMutablePointer<Int64>) {
        values.withUnsafeBufferPointer { source in
            var i = 0
            if let index {
                for row in rows {
                    let value = source[Int(index[row])]
                    out[i] = value == missing ? missingValue : Int64(value)
                    i += 1
                }
            } else if let missing {
                for row in rows {
                    let value = source[row]
                    out[i] = value == missing ? missingValue : Int64(value)
                    i += 1
                }
            } else {
                for row in rows {
                    out[i] = Int64(source[row])
                    i += 1
                }
            }
        }
    }
}
