/// Finds bytes that are not valid UTF-8.
enum UTF8Validation {
    /// Offsets (ascending) of every byte that starts an invalid UTF-8 sequence in `range`.
    ///
    /// ASCII is skipped eight bytes at a time, so an all-ASCII feed costs one
    /// pass of word loads.
    /// - Complexity: O(n).
    static func invalidOffsets(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
        var invalid: [Int] = []
        guard let base = bytes.baseAddress else { return invalid }
        var p = range.lowerBound
        let end = range.upperBound
        while p < end {
            if p + 8 <= end {
                let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    p += 8
                    continue
                }
            }
            let lead = base[p]
            if lead < 0x80 {
                p += 1
                continue
            }
            let length = sequenceLength(base, p, end)
            if length == 0 {
                invalid.append(p)
                p += 1
            } else {
                p += length
            }
        }
        return invalid
    }

    /// Length of the valid sequence at `p`, or 0 when it is invalid (RFC 3629).
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, _ p: Int, _ end: Int) -> Int {
        let lead = base[p]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            p + offset < end && base[p + offset] >= low && base[p + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
