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
    /// For each schema field with a reference, the index of the feed it points to.
    let references: [KeyIndex?]
    let referenceDate: Int32

    /// A quarantined row whose line is still relative to its chunk.
    struct PendingQuarantine {
        let localLine: Int
        let reason: QuarantineReason
        let column: String
        let value: String
        let message: String
    }

    /// Candidates and quarantine of one chunk.
    struct Result {
        var builders: [ColumnBuilder]
        /// Key of each candidate row (for duplicate detection).
        var keys: [Int64] = []
        /// Chunk-relative line of each candidate row.
        var lines: [Int32] = []
        /// Byte offset where each candidate row starts (to quote its key if it repeats).
        var starts: [Int] = []
        var quarantine: [PendingQuarantine] = []
        var read = 0
        /// Where the chunk stopped reading (the start of the next chunk's first record).
        var stop = 0
        /// Line breaks between the chunk's start and `stop`.
        var linesPassed = 0
    }

    /// Parses records starting in `start..<limit`.
    func parse(start: Int, limit: Int) -> Result {
        let estimatedRows = max(16, (limit - start) / 40)
        var result = Result(builders: layout.fields.map { ColumnBuilder(storage: $0.storage, capacity: estimatedRows) })
        result.keys.reserveCapacity(estimatedRows)
        result.lines.reserveCapacity(estimatedRows)
        result.starts.reserveCapacity(estimatedRows)
        // Checked ahead into the next chunk for the record that runs past `limit`;
        // a record longer than that window is checked on its own (below).
        let checkedEnd = min(bytes.count, limit + 4096)
        let invalidBytes = UTF8Validation.invalidOffsets(in: bytes, range: start..<checkedEnd)
        var nextInvalid = 0
        var scanner = RecordScanner(bytes: bytes, start: start, limit: limit, expectedFields: layout.fileColumnCount)
        var values = [Int64](repeating: 0, count: layout.fields.count)
        var resolved = [Int64](repeating: 0, count: layout.fields.count)
        var texts = [String](repeating: "", count: layout.fields.count)
        reading: while true {
            switch scanner.next() {
            case .end:
                break reading
            case .malformed(let line, let byteStart, let problem):
                result.read += 1
                let message = problem == .unclosedQuote
                    ? "a quoted field is never closed; reading resumed on the next line"
                    : "text follows a closing quote; put the whole field in quotes and double any quote inside"
                result.quarantine.append(PendingQuarantine(localLine: line, reason: .malformedRow, column: "",
                                                           value: firstLine(from: byteStart), message: message))
            case .record(let line, let byteStart, let byteEnd):
                result.read += 1
                if scanner.fieldCount != layout.fileColumnCount {
                    result.quarantine.append(PendingQuarantine(
                        localLine: line, reason: .malformedRow, column: "", value: firstLine(from: byteStart),
                        message: "expected \(layout.fileColumnCount) fields as in the header, found \(scanner.fieldCount)"))
                    continue reading
                }
                while nextInvalid < invalidBytes.count && invalidBytes[nextInvalid] < byteStart { nextInvalid += 1 }
                let invalid = byteEnd > checkedEnd
                    ? UTF8Validation.invalidOffsets(in: bytes, range: byteStart..<byteEnd).first
                    : (nextInvalid < invalidBytes.count && invalidBytes[nextInvalid] < byteEnd ? invalidBytes[nextInvalid] : nil)
                if let invalid {
                    result.quarantine.append(encodingProblem(at: invalid, line: line, scanner: scanner))
                    continue reading
                }
                if let problem = judge(scanner: scanner, line: line, values: &values, resolved: &resolved, texts: &texts) {
                    result.quarantine.append(problem)
                    continue reading
                }
                for (i, builder) in result.builders.enumerated() {
                    if builder.storage == .text {
                        builder.text.append(texts[i])
                    } else {
                        builder.append(layout.fields[i].reference == nil ? values[i] : resolved[i])
                    }
                }
                result.keys.append(key(values: values, resolved: resolved))
                result.lines.append(Int32(truncatingIfNeeded: line))
                result.starts.append(byteStart)
            }
        }
        result.stop = scanner.position
        result.linesPassed = scanner.linesPassed
        return result
    }

    /// Types every field of the current record and checks references and row
    /// rules; returns the first problem, or nil when the row is acceptable.
    private func judge(scanner: RecordScanner, line: Int, values: inout [Int64], resolved: inout [Int64],
                       texts: inout [String]) -> PendingQuarantine? {
        for (i, field) in layout.fields.enumerated() {
            let span = scanner.fields[layout.positions[i]]
            if span.start == span.end {
                guard field.optional else {
                    return PendingQuarantine(localLine: line, reason: field.tag == .residentID ? .invalidPersonID : .invalidValue,
                                             column: field.name, value: "", message: "expected \(field.expectation); the value is empty")
                }
                values[i] = field.missingValue
                texts[i] = ""
                continue
            }
            guard let value = type(field, span) else {
                let failure = describeFailure(field, span)
                return PendingQuarantine(localLine: line, reason: failure.reason, column: field.name,
                                         value: text(of: span), message: failure.message)
            }
            values[i] = value
            if field.tag == .text { texts[i] = text(of: span) }
            if let space = field.reference {
                guard let row = references[i]?.lookup(values[i]) else {
                    return PendingQuarantine(localLine: line, reason: space.unknownReason, column: field.name,
                                             value: text(of: span),
                                             message: "no such \(space.rawValue) in \(space.definingFeed.fileName) (or its row there was quarantined)")
                }
                resolved[i] = Int64(row)
            }
        }
        for rule in layout.schema.rowRules {
            let broken = values.withUnsafeBufferPointer { rule.check($0) }
            if let (field, expected) = broken {
                let span = scanner.fields[layout.positions[field]]
                return PendingQuarantine(localLine: line, reason: .invalidValue, column: layout.fields[field].name,
                                         value: text(of: span), message: "expected \(expected)")
            }
        }
        return nil
    }

    /// The stored value of a non-empty field, or nil when the contract refuses it.
    @inline(__always)
    private func type(_ field: PreparedField, _ span: RecordScanner.FieldSpan) -> Int64? {
        let s = span.start, e = span.end
        switch field.tag {
        case .code:
            guard let value = FieldParsers.fixedDigits(bytes, s, e, width: field.width) else { return nil }
            return value
        case .residentID:
            guard case .success(let id) = ResidentID.check(bytes, s, e, referenceDate: referenceDate) else { return nil }
            return Int64(bitPattern: id.packed)
        case .choice:
            for (i, word) in field.words.enumerated() where FieldParsers.equals(bytes, s, e, word) {
                return Int64(i + 1)
            }
            return nil
        case .flag:
            guard e - s == 1, bytes[s] == UInt8(ascii: "0") || bytes[s] == UInt8(ascii: "1") else { return nil }
            return Int64(bytes[s]) - 48
        case .date:
            guard let day = FieldParsers.date(bytes, s, e) else { return nil }
            return Int64(day)
        case .decimal:
            guard let hundredths = FieldParsers.hundredths(bytes, s, e) else { return nil }
            return hundredths
        case .integer:
            guard let value = FieldParsers.integer(bytes, s, e), field.range.contains(value) else { return nil }
            return value
        case .year:
            guard let value = FieldParsers.fixedDigits(bytes, s, e, width: 4) else { return nil }
            return value
        case .choiceSet:
            var mask: Int64 = 0
            var partStart = s
            while partStart <= e {
                var partEnd = partStart
                while partEnd < e && bytes[partEnd] != UInt8(ascii: ";") { partEnd += 1 }
                var a = partStart, b = partEnd
                while a < b && bytes[a] == UInt8(ascii: " ") { a += 1 }
                while b > a && bytes[b - 1] == UInt8(ascii: " ") { b -= 1 }
                guard let word = field.words.firstIndex(where: { FieldParsers.equals(bytes, a, b, $0) }) else {
                    return nil
                }
                mask |= 1 << Int64(word)
                partStart = partEnd + 1
            }
            return mask
        case .text:
            return 0
        }
    }

    /// Why a field was refused: the quarantine reason and a message saying what was expected.
    private func describeFailure(_ field: PreparedField, _ span: RecordScanner.FieldSpan) -> (reason: QuarantineReason, message: String) {
        if field.tag == .residentID, case .failure(let problem) = ResidentID.check(bytes, span.start, span.end, referenceDate: referenceDate) {
            return (.invalidPersonID, Self.describe(problem))
        }
        return (.invalidValue, "expected \(field.expectation)")
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

    /// The key of a candidate row: its key columns combined into one integer.
    @inline(__always)
    private func key(values: [Int64], resolved: [Int64]) -> Int64 {
        var key: Int64 = 0
        for field in layout.keyFields {
            let part = layout.fields[field].reference == nil ? values[field] : resolved[field]
            key = layout.keyFields.count == 1 ? part : key &* 10_000 &+ part
        }
        return key
    }

    private func encodingProblem(at offset: Int, line: Int, scanner: RecordScanner) -> PendingQuarantine {
        var column = ""
        var value = ""
        for i in 0..<scanner.fieldCount {
            let span = scanner.fields[i]
            if offset >= span.start && offset < span.end {
                column = layout.positions.firstIndex(of: i).map { layout.fields[$0].name } ?? ""
                value = text(of: span)
                break
            }
        }
        let encoding = "the feed's declared encoding"
        return PendingQuarantine(localLine: line, reason: .invalidEncoding, column: column, value: value,
                                 message: "bytes that are not valid in \(encoding); re-export the file as UTF-8 or declare gb18030 in the pipeline file")
    }

    /// A field's text with `""` unescaped and invalid bytes shown as U+FFFD.
    func text(of span: RecordScanner.FieldSpan) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        return span.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// The key columns' text of the record starting at `start`, joined by `+`.
    func keyText(ofRecordAt start: Int) -> String {
        var scanner = RecordScanner(bytes: bytes, start: start, limit: bytes.count, expectedFields: layout.fileColumnCount)
        guard case .record = scanner.next() else { return "" }
        return layout.keyFields.map { text(of: scanner.fields[layout.positions[$0]]) }.joined(separator: "+")
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
