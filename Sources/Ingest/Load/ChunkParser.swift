import Foundation

/// Parses the records of one chunk of a feed into typed candidate rows.
///
/// Everything a row can be judged on alone is judged here, in parallel with
/// other chunks: CSV form, encoding, each field's type and range, references
/// to feeds already loaded, and the rules between columns. Duplicate keys need
/// the rows in file order and are judged when chunks are merged.
struct ChunkParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let layout: FeedLayout
    let referenceDate: Int32
    /// In a shard run, which rows are this shard's (the others are skipped unread); nil reads every row.
    var placement: RowPlacement? = nil

    /// A quarantined row whose line is still relative to its chunk.
    ///
    /// Kept small and without text of its own when the value is one field of the row
    /// (`valueField`): a chunk of bad rows then costs little more than one of good ones
    /// while it waits to be merged, and the value is read from the row when it is written out.
    struct PendingQuarantine {
        let localLine: Int
        /// Where the record starts in the buffer (to copy the whole row for the restricted file).
        let rowStart: Int
        let reason: QuarantineReason
        /// The schema field whose text is the value, or -1 when `value` holds it.
        let valueField: Int32
        let column: String
        let value: String
        let message: String

        init(localLine: Int, rowStart: Int, reason: QuarantineReason, column: String, value: String, message: String) {
            self.init(localLine: localLine, rowStart: rowStart, reason: reason, column: column, valueField: -1,
                      value: value, message: message)
        }

        /// A problem whose value is the text of schema field `field` of the row.
        init(localLine: Int, rowStart: Int, reason: QuarantineReason, column: String, field: Int, message: String) {
            self.init(localLine: localLine, rowStart: rowStart, reason: reason, column: column, valueField: Int32(field),
                      value: "", message: message)
        }

        private init(localLine: Int, rowStart: Int, reason: QuarantineReason, column: String, valueField: Int32,
                     value: String, message: String) {
            self.localLine = localLine
            self.rowStart = rowStart
            self.reason = reason
            self.valueField = valueField
            self.column = column
            self.value = value
            self.message = message
        }
    }

    /// Candidates and quarantine of one chunk.
    struct Result {
        /// Values of the candidate rows while the chunk is parsed, row-major (`fields` per row);
        /// references hold row indices. Emptied into `columns` at the end.
        var values: [Int64] = []
        /// The accepted candidates as typed columns, in schema order.
        var columns: [TypedColumn] = []
        /// Text fields of the candidate rows, row-major (text fields per row).
        var texts: [String] = []
        /// Key of each candidate row (for duplicate detection).
        var keys: [Int64] = []
        /// Chunk-relative line of each candidate row.
        var lines: [Int32] = []
        /// Byte offset where each candidate row starts (to quote its key if it repeats).
        var starts: [Int] = []
        var quarantine: [PendingQuarantine] = []
        /// In a shard run, the person IDs of `persons.csv` rows of other shards' counties.
        var foreignKeys: [Int64] = []
        /// In a shard run, the rows of other shards' counties (skipped, in no accounting).
        var otherShardRows = 0
        var read = 0
        /// Where the chunk stopped reading (the start of the next chunk's first record).
        var stop = 0
        /// Line breaks between the chunk's start and `stop`.
        var linesPassed = 0

        var candidates: Int { keys.count }
    }

    /// Parses records starting in `start..<limit`.
    func parse(start: Int, limit: Int) -> Result {
        let plan = layout.plan
        let fieldCount = plan.fields.count
        let estimatedRows = max(16, (limit - start) / 40)
        var result = Result()
        result.values.reserveCapacity(estimatedRows * fieldCount)
        result.keys.reserveCapacity(estimatedRows)
        result.lines.reserveCapacity(estimatedRows)
        result.starts.reserveCapacity(estimatedRows)
        // Checked ahead into the next chunk for the record that runs past `limit`;
        // a record longer than that window is checked on its own (below).
        let checkedEnd = min(bytes.count, limit + 4096)
        let invalidBytes = UTF8Validation.invalidOffsets(in: bytes, range: start..<checkedEnd)
        var nextInvalid = 0
        var scanner = RecordScanner(bytes: bytes, start: start, limit: limit, expectedFields: layout.fileColumnCount)
        let values = UnsafeMutablePointer<Int64>.allocate(capacity: fieldCount)
        defer { values.deallocate() }
        // Tested once per row instead of copying the optional placement out of `self`.
        let sharded = placement != nil
        reading: while true {
            switch scanner.next() {
            case .end:
                break reading
            case .malformed(let line, let byteStart, let problem):
                if sharded, let placement, !placement.ownsMalformed {
                    result.otherShardRows += 1
                    continue reading
                }
                result.read += 1
                let message = problem == .unclosedQuote
                    ? "a quoted field is never closed; reading resumed on the next line"
                    : "text follows a closing quote; put the whole field in quotes and double any quote inside"
                result.quarantine.append(PendingQuarantine(localLine: line, rowStart: byteStart, reason: .malformedRow, column: "",
                                                           value: firstLine(from: byteStart), message: message))
            case .record(let line, let byteStart, let byteEnd):
                if sharded, let placement, !placement.owns(bytes, scanner.fields, fieldCount: scanner.fieldCount,
                                                  referenceDate: referenceDate) {
                    if let position = placement.personKeyPosition, position < scanner.fieldCount,
                       let key = placement.personKey(bytes, scanner.fields[position], referenceDate) {
                        result.foreignKeys.append(key)
                    }
                    result.otherShardRows += 1
                    continue reading
                }
                result.read += 1
                if scanner.fieldCount != layout.fileColumnCount {
                    result.quarantine.append(PendingQuarantine(
                        localLine: line, rowStart: byteStart, reason: .malformedRow, column: "", value: firstLine(from: byteStart),
                        message: "expected \(layout.fileColumnCount) fields as in the header, found \(scanner.fieldCount)"))
                    continue reading
                }
                while nextInvalid < invalidBytes.count && invalidBytes[nextInvalid] < byteStart { nextInvalid += 1 }
                let invalid = byteEnd > checkedEnd
                    ? UTF8Validation.invalidOffsets(in: bytes, range: byteStart..<byteEnd).first
                    : (nextInvalid < invalidBytes.count && invalidBytes[nextInvalid] < byteEnd ? invalidBytes[nextInvalid] : nil)
                if let invalid {
                    result.quarantine.append(encodingProblem(at: invalid, line: line, start: byteStart, scanner: scanner))
                    continue reading
                }
                let problem = judge(scanner.fields, line: line, start: byteStart, values: values)
                if let problem {
                    result.quarantine.append(problem)
                    continue reading
                }
                result.values.append(contentsOf: UnsafeBufferPointer(start: values, count: fieldCount))
                for i in 0..<fieldCount where plan.fields[i].tag == .text {
                    result.texts.append(text(of: scanner.fields[plan.fields[i].position]))
                }
                result.lines.append(Int32(truncatingIfNeeded: line))
                result.starts.append(byteStart)
            }
        }
        result.stop = scanner.position
        result.linesPassed = scanner.linesPassed
        resolveReferencesAndRules(&result)
        result.columns = typedColumns(result.values, texts: result.texts)
        result.values = []
        result.texts = []
        return result
    }

    /// Types every field of the current record into `values`; returns the
    /// first refused field as a quarantine record, or nil when every field is of
    /// the right form. References and row rules are judged afterwards, for the
    /// whole chunk at once (`resolveReferencesAndRules`).
    @inline(__always)
    private func judge(_ spans: UnsafeBufferPointer<RecordScanner.FieldSpan>, line: Int, start: Int,
                       values: UnsafeMutablePointer<Int64>) -> PendingQuarantine? {
        let plan = layout.plan
        for i in 0..<plan.fields.count {
            let field = plan.fields[i]
            let span = spans[field.position]
            if span.start == span.end {
                guard field.optional else {
                    return PendingQuarantine(localLine: line, rowStart: start, reason: field.tag == .residentID ? .invalidPersonID : .invalidValue,
                                             column: layout.name(i), value: "",
                                             message: layout.emptyMessages[i])
                }
                values[i] = field.missingValue
            } else {
                guard let typed = type(field, span) else {
                    let failure = describeFailure(i, span)
                    return PendingQuarantine(localLine: line, rowStart: start, reason: failure.reason, column: layout.name(i),
                                             field: i, message: failure.message)
                }
                values[i] = typed
            }
        }
        return nil
    }

    /// Row-major staged values split into one typed column per schema field.
    private func typedColumns(_ values: [Int64], texts: [String]) -> [TypedColumn] {
        let plan = layout.plan
        let stride = plan.fields.count
        let rows = stride == 0 ? 0 : values.count / stride
        let textFields = plan.fields.filter { $0.tag == .text }.count
        var textIndex = 0
        return values.withUnsafeBufferPointer { values in
            (0..<stride).map { field -> TypedColumn in
                func narrow<T: FixedWidthInteger>(_: T.Type) -> [T] {
                    [T](unsafeUninitializedCapacity: rows) { buffer, count in
                        for row in 0..<rows { buffer[row] = T(truncatingIfNeeded: values[row * stride + field]) }
                        count = rows
                    }
                }
                switch plan.fields[field].storage {
                case .uint8: return .uint8(narrow(UInt8.self))
                case .int32: return .int32(narrow(Int32.self))
                case .int64: return .int64(narrow(Int64.self))
                case .text:
                    defer { textIndex += 1 }
                    return .text((0..<rows).map { texts[$0 * textFields + textIndex] })
                }
            }
        }
    }

    /// The stored value of a non-empty field, or nil when the contract refuses it.
    @inline(__always)
    private func type(_ field: ParsePlan.Field, _ span: RecordScanner.FieldSpan) -> Int64? {
        let s = span.start, e = span.end
        switch field.tag {
        case .code:
            return FieldParsers.fixedDigits(bytes, s, e, width: field.width)
        case .residentID:
            guard case .success(let id) = ResidentID.check(bytes, s, e, referenceDate: referenceDate) else { return nil }
            return Int64(bitPattern: id.packed)
        case .choice:
            return layout.plan.word(of: field, bytes, s, e).map { Int64($0 + 1) }
        case .flag:
            guard e - s == 1, bytes[s] == UInt8(ascii: "0") || bytes[s] == UInt8(ascii: "1") else { return nil }
            return Int64(bytes[s]) - 48
        case .date:
            guard let day = FieldParsers.date(bytes, s, e), Int64(day) <= field.high else { return nil }
            return Int64(day)
        case .decimal:
            return FieldParsers.hundredths(bytes, s, e)
        case .integer:
            guard let value = FieldParsers.integer(bytes, s, e), value >= field.low, value <= field.high else { return nil }
            return value
        case .year:
            return FieldParsers.fixedDigits(bytes, s, e, width: 4)
        case .choiceSet:
            var mask: Int64 = 0
            var partStart = s
            while partStart <= e {
                var partEnd = partStart
                while partEnd < e && bytes[partEnd] != UInt8(ascii: ";") { partEnd += 1 }
                var a = partStart, b = partEnd
                while a < b && bytes[a] == UInt8(ascii: " ") { a += 1 }
                while b > a && bytes[b - 1] == UInt8(ascii: " ") { b -= 1 }
                guard let word = layout.plan.word(of: field, bytes, a, b) else { return nil }
                mask |= 1 << Int64(word)
                partStart = partEnd + 1
            }
            return mask
        case .text:
            return 0
        }
    }

    /// Why field `index` was refused: the quarantine reason and a message saying what was expected.
    private func describeFailure(_ index: Int, _ span: RecordScanner.FieldSpan) -> (reason: QuarantineReason, message: String) {
        let kind = layout.schema.fields[index].kind
        if case .date = kind, let day = FieldParsers.date(bytes, span.start, span.end) {
            return (.invalidValue, "expected a date not after the reference date \(DayNumber.format(referenceDate)); this one is \(DayNumber.format(day))")
        }
        if case .residentID = kind, case .failure(let problem) = ResidentID.check(bytes, span.start, span.end, referenceDate: referenceDate) {
            return (.invalidPersonID, Self.describe(problem))
        }
        return (.invalidValue, layout.refusedMessages[index])
    }

    private static func describe(_ problem: ResidentID.Problem) -> String {
        switch problem {
        case .wrongLength: return "expected 18 characters (17 digits and a check digit or X)"
        case .notDigits: return "expected 17 digits followed by a digit or X"
        case .impossibleBirthDate: return "the birth date (characters 7–14) is not a real date"
        case .bornAfterReferenceDate: return "the birth date (characters 7–14) is after the reference date"
        case .wrongCheckCharacter(let expected): return "the check character does not match; by ISO 7064 MOD 11-2 it would be \(expected)"
        }
    }

    private func encodingProblem(at offset: Int, line: Int, start: Int, scanner: RecordScanner) -> PendingQuarantine {
        var column = ""
        var value = ""
        for i in 0..<scanner.fieldCount {
            let span = scanner.fields[i]
            if offset >= span.start && offset < span.end {
                column = layout.positions.firstIndex(of: i).map { layout.name($0) } ?? ""
                value = text(of: span)
                break
            }
        }
        return PendingQuarantine(localLine: line, rowStart: start, reason: .invalidEncoding, column: column, value: value,
                                 message: "bytes that are not valid in the feed's declared encoding; re-export the file as UTF-8 or declare gb18030 in the pipeline file")
    }

    /// A field's text with `""` unescaped and invalid bytes shown as U+FFFD.
    func text(of span: RecordScanner.FieldSpan) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        return span.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// The value of a quarantined row as written in the quarantine: its own, or the text of its field.
    func valueText(of problem: PendingQuarantine) -> String {
        problem.valueField < 0 ? problem.value : fieldText(ofRecordAt: problem.rowStart, fields: [Int(problem.valueField)])
    }

    /// The text of schema fields `fields` of the record starting at `start`, joined by `+`.
    func fieldText(ofRecordAt start: Int, fields: [Int]) -> String {
        var scanner = RecordScanner(bytes: bytes, start: start, limit: bytes.count, expectedFields: layout.fileColumnCount)
        guard case .record = scanner.next() else { return "" }
        return fields.map { text(of: scanner.fields[layout.positions[$0]]) }.joined(separator: "+")
    }

    /// The whole record starting at `start` as read (for a malformed one, its first line),
    /// at most 1 MiB of it, for the restricted `quarantine_rows.csv`.
    func rowText(at start: Int) -> String {
        var scanner = RecordScanner(bytes: bytes, start: start, limit: bytes.count, expectedFields: layout.fileColumnCount)
        var end = start
        if case .record(_, _, let recordEnd) = scanner.next() {
            end = recordEnd
        } else {
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        }
        end = min(end, start + (1 << 20))
        while end > start && (bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The first physical line of a record, cut to 120 characters, for quarantine.
    private func firstLine(from start: Int) -> String {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") && end - start < 480 { end += 1 }
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return line.count > 120 ? String(line.prefix(120)) + "…" : line
    }
}
