/// Fused kernels: a comparison with a constant, or membership in a list of
/// constants, read straight from the column's narrow storage into 0/1, with
/// no Int64 copy of the column in between.
extension ColumnValues {
    /// `out[i]` = 1 when row `rows[i]` is not missing and `value op constant` holds, else 0.
    func compare(rows: Range<Int>, _ op: CompareNode.Operator, _ constant: Int64, into out: UnsafeMutablePointer<Int64>) {
        switch self {
        case .uint8(let values, let missing): Self.compare(values, missing, rows, op, constant, out)
        case .int16(let values): Self.compare(values, nil, rows, op, constant, out)
        case .int32(let values, let missing): Self.compare(values, missing, rows, op, constant, out)
        case .int64(let values, let missing): Self.compare(values, missing, rows, op, constant, out)
        }
    }

    /// `out[i]` = 1 when row `rows[i]` is not missing and its value is (or, `negated`, is not) one of `members`.
    /// `byteTable[v]` is that answer for a byte value `v` (words and flags are stored as bytes).
    func contains(rows: Range<Int>, _ members: [Int64], byteTable: [Int64], negated: Bool,
                  into out: UnsafeMutablePointer<Int64>) {
        switch self {
        case .uint8(let values, let missing):
            values.withUnsafeBufferPointer { source in
                byteTable.withUnsafeBufferPointer { table in
                    var i = 0
                    if let missing {
                        for row in rows {
                            let value = source[row]
                            out[i] = value == missing ? 0 : table[Int(value)]
                            i += 1
                        }
                    } else {
                        for row in rows {
                            out[i] = table[Int(source[row])]
                            i += 1
                        }
                    }
                }
            }
        case .int16(let values): Self.contains(values, nil, rows, members, negated, out)
        case .int32(let values, let missing): Self.contains(values, missing, rows, members, negated, out)
        case .int64(let values, let missing): Self.contains(values, missing, rows, members, negated, out)
        }
    }

    private static func compare<T: BinaryInteger>(_ values: [T], _ missing: T?, _ rows: Range<Int>,
                                                  _ op: CompareNode.Operator, _ constant: Int64,
                                                  _ out: UnsafeMutablePointer<Int64>) {
        values.withUnsafeBufferPointer { source in
            switch op {
            case .equal: fill(source, missing, rows, out) { $0 == constant }
            case .notEqual: fill(source, missing, rows, out) { $0 != constant }
            case .less: fill(source, missing, rows, out) { $0 < constant }
            case .lessOrEqual: fill(source, missing, rows, out) { $0 <= constant }
            case .greater: fill(source, missing, rows, out) { $0 > constant }
            case .greaterOrEqual: fill(source, missing, rows, out) { $0 >= constant }
            }
        }
    }

    private static func contains<T: BinaryInteger>(_ values: [T], _ missing: T?, _ rows: Range<Int>,
                                                   _ members: [Int64], _ negated: Bool,
                                                   _ out: UnsafeMutablePointer<Int64>) {
        values.withUnsafeBufferPointer { source in
            members.withUnsafeBufferPointer { members in
                fill(source, missing, rows, out) { members.contains($0) != negated }
            }
        }
    }

    /// One pass over the rows: missing gives 0, anything else the test's answer.
    @inline(__always)
    private static func fill<T: BinaryInteger>(_ source: UnsafeBufferPointer<T>, _ missing: T?, _ rows: Range<Int>,
                                               _ out: UnsafeMutablePointer<Int64>, _ test: (Int64) -> Bool) {
        var i = 0
        if let missing {
            for row in rows {
                let value = source[row]
                out[i] = value != missing && test(Int64(value)) ? 1 : 0
                i += 1
            }
        } else {
            for row in rows {
                out[i] = test(Int64(source[row])) ? 1 : 0
                i += 1
            }
        }
    }
}
