/// Splits CSV bytes (RFC 4180) into records and fields without copying.
///
/// Fields are byte ranges into the buffer. Quoted fields may hold commas, line
/// breaks and `""`; unquoted fields are trimmed of ASCII spaces. LF and CRLF
/// line ends are accepted; empty lines are skipped. A record that cannot be
/// read (an unclosed quote, text after a closing quote) is reported as
/// malformed and reading resumes on the physical line after its first line.
struct RecordScanner {
    /// One field of the current record: `start..<end` in the buffer.
    struct FieldSpan {
        var start: Int
        var end: Int
        /// True when the field was quoted and holds `""` that must be unescaped.
        var hasEscapedQuotes: Bool
    }

    enum Outcome {
        /// A record; its fields are in `fields[0..<fieldCount]`.
        case record(line: Int, byteStart: Int, byteEnd: Int)
        /// A record that breaks the CSV rules; reading resumed after its first line.
        case malformed(line: Int, byteStart: Int, problem: MalformedProblem)
        case end
    }

    enum MalformedProblem {
        case unclosedQuote
        case textAfterClosingQuote
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limit: Int
    /// Next byte to read.
    private(set) var position: Int
    /// Line breaks passed since the scanner started (0-based physical line offset).
    private(set) var linesPassed: Int = 0
    /// Storage of the field spans, reused record after record.
    private let spans: SpanStorage
    private(set) var fieldCount: Int = 0

    /// Fields of the last record.
    var fields: UnsafeBufferPointer<FieldSpan> { UnsafeBufferPointer(start: spans.pointer, count: fieldCount) }

    /// - Parameters:
    ///   - bytes: the whole feed buffer.
    ///   - start: where the first record begins.
    ///   - limit: records starting at or after `limit` are not read (a record
    ///     that starts before it may run past it).
    ///   - expectedFields: capacity hint for the field list.
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, limit: Int, expectedFields: Int) {
        self.bytes = bytes
        self.position = start
        self.limit = limit
        self.spans = SpanStorage(capacity: max(expectedFields, 1) + 1)
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")

    /// Reads the next record.
    mutating func next() -> Outcome {
        let count = bytes.count
        skipEmptyLines()
        guard position < limit, position < count else { return .end }
        let recordStart = position
        let recordLine = linesPassed
        fieldCount = 0
        var p = position
        while true {
            // One field.
            while p < count && bytes[p] == Self.space { p += 1 }
            var span = FieldSpan(start: p, end: p, hasEscapedQuotes: false)
            if p < count && bytes[p] == Self.quote {
                p += 1
                span.start = p
                var closed = false
                while p < count {
                    let byte = bytes[p]
                    if byte == Self.quote {
                        if p + 1 < count && bytes[p + 1] == Self.quote {
                            span.hasEscapedQuotes = true
                            p += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == Self.newline { linesPassed += 1 }
                    p += 1
                }
                guard closed else { return resumeAfterFirstLine(recordStart, recordLine, .unclosedQuote) }
                span.end = p
                p += 1
                while p < count && bytes[p] == Self.space { p += 1 }
                if p < count {
                    let byte = bytes[p]
                    let endsField = byte == Self.comma || byte == Self.newline
                        || (byte == Self.carriageReturn && (p + 1 == count || bytes[p + 1] == Self.newline))
                    guard endsField else {
                        return resumeAfterFirstLine(recordStart, recordLine, .textAfterClosingQuote)
                    }
                }
            } else {
                p = Self.nextDelimiter(in: bytes, from: p)
                var end = p
                if end > span.start && bytes[end - 1] == Self.carriageReturn && (p == count || bytes[p] == Self.newline) {
                    end -= 1
                }
                while end > span.start && bytes[end - 1] == Self.space { end -= 1 }
                span.end = end
            }
            append(span)
            // After the field: a comma continues the record, anything else ends it.
            if p < count && bytes[p] == Self.comma {
                p += 1
                continue
            }
            let recordEnd = p
            if p < count && bytes[p] == Self.carriageReturn { p += 1 }
            if p < count && bytes[p] == Self.newline {
                p += 1
                linesPassed += 1
            }
            position = p
            return .record(line: recordLine, byteStart: recordStart, byteEnd: recordEnd)
        }
    }

    /// The position of the first `,` or line feed at or after `p` (or the end).
    /// Eight bytes are tested at once: a byte equal to the delimiter becomes a
    /// zero byte after XOR, and the lowest zero byte of a word is found exactly
    /// by the borrow trick `(x - 0x01…01) & ~x & 0x80…80`.
    @inline(__always)
    private static func nextDelimiter(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var p = start
        if let base = bytes.baseAddress {
            while p + 8 <= count {
                let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
                let commas = word ^ 0x2C2C_2C2C_2C2C_2C2C
                let newlines = word ^ 0x0A0A_0A0A_0A0A_0A0A
                let found = ((commas &- 0x0101_0101_0101_0101) & ~commas | (newlines &- 0x0101_0101_0101_0101) & ~newlines)
                    & 0x8080_8080_8080_8080
                if found != 0 { return p + found.trailingZeroBitCount >> 3 }
                p += 8
            }
        }
        while p < count && bytes[p] != Self.comma && bytes[p] != Self.newline { p += 1 }
        return p
    }

    private mutating func append(_ span: FieldSpan) {
        if fieldCount == spans.capacity { spans.grow() }
        spans.pointer[fieldCount] = span
        fieldCount += 1
    }

    private mutating func skipEmptyLines() {
        let count = bytes.count
        while position < count && position < limit {
            if bytes[position] == Self.newline {
                position += 1
                linesPassed += 1
            } else if bytes[position] == Self.carriageReturn && position + 1 < count && bytes[position + 1] == Self.newline {
                position += 2
                linesPassed += 1
            } else if bytes[position] == Self.carriageReturn && position + 1 == count {
                // A CR that ends the file ends the last line, as it does after a field.
                position += 1
            } else {
                return
            }
        }
    }

    /// Gives up on a broken record: continues on the line after the record's first line.
    private mutating func resumeAfterFirstLine(_ recordStart: Int, _ recordLine: Int, _ problem: MalformedProblem) -> Outcome {
        var p = recordStart
        let count = bytes.count
        while p < count && bytes[p] != Self.newline { p += 1 }
        if p < count {
            p += 1
            linesPassed = recordLine + 1
        } else {
            linesPassed = recordLine
        }
        position = p
        fieldCount = 0
        return .malformed(line: recordLine, byteStart: recordStart, problem: problem)
    }
}

/// Growable memory for the spans of one record.
private final class SpanStorage {
    private(set) var pointer: UnsafeMutablePointer<RecordScanner.FieldSpan>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    /// Doubles the capacity, keeping the spans stored so far.
    func grow() {
        let larger = UnsafeMutablePointer<RecordScanner.FieldSpan>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: pointer, count: capacity)
        pointer.deallocate()
        pointer = larger
        capacity *= 2
    }

    deinit { pointer.deallocate() }
}
