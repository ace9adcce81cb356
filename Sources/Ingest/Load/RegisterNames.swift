/// One name per code in the registers: a prefecture or county code of
/// `regions.csv`, or a township code of `villages.csv`, written with two
/// different names would let the first row's name win silently.
///
/// Read from the file's own records, so each problem can be placed at
/// `file:line:column`, and before the file is loaded (the loader gives the
/// pages it has parsed back). The same rows take part in both registers:
/// every record that splits into fields, quarantined or not (a repeated
/// county or village is a duplicate key, yet its other name is still a
/// contradiction; so is one on a row with a bad value or field count); only
/// a record that breaks the CSV rules (an unclosed quote) is left out.
enum RegisterNames {
    /// A code column and the column that names it.
    struct Pair {
        let code: String
        let name: String
        /// What the code stands for, in the statistician's words ("prefecture").
        let what: String
    }

    /// The pairs each register must keep to one name per code.
    static func pairs(of feed: Feed) -> [Pair] {
        switch feed {
        case .regions:
            [Pair(code: "prefecture_code", name: "prefecture_name", what: "prefecture"),
             Pair(code: "county_code", name: "county_name", what: "county")]
        case .villages: [Pair(code: "township_code", name: "township_name", what: "township")]
        default: []
        }
    }

    /// Problems of `feed` read from `file` before it is loaded, in file order: each code given
    /// another name than on its first row, as "file:line:column: …". Three are quoted at most
    /// (then a count), with names cut to 9 Chinese characters, so one message echoes less than
    /// 200 bytes of input.
    static func conflicts(in file: FeedFile, feed: Feed) -> [String] {
        let pairs = pairs(of: feed)
        guard !pairs.isEmpty else { return [] }
        return file.withBytes { bytes in
            var scanner = RecordScanner(bytes: bytes, start: file.textStart, limit: bytes.count, expectedFields: 8)
            guard case .record = scanner.next() else { return [] }
            let header = (0..<scanner.fieldCount).map { text(bytes, scanner.fields[$0]) }
            let columns = pairs.compactMap { pair -> (Pair, Int, Int)? in
                guard let code = header.firstIndex(of: pair.code), let name = header.firstIndex(of: pair.name) else { return nil }
                return (pair, code, name)
            }
            var first: [[String: (name: String, line: Int)]] = Array(repeating: [:], count: columns.count)
            var found: [String] = []
            var more = 0
            reading: while true {
                let line: Int
                switch scanner.next() {
                case .end: break reading
                case .malformed: continue reading
                case .record(let recordLine, _, _): line = recordLine + 1
                }
                for (index, (pair, codeColumn, nameColumn)) in columns.enumerated()
                where max(codeColumn, nameColumn) < scanner.fieldCount {
                    let code = text(bytes, scanner.fields[codeColumn]), name = text(bytes, scanner.fields[nameColumn])
                    guard let earlier = first[index][code] else {
                        first[index][code] = (name, line)
                        continue
                    }
                    guard earlier.name != name else { continue }
                    if found.count == 3 {
                        more += 1
                        continue
                    }
                    found.append("\(feed.fileName):\(line):\(nameColumn + 1): \(pair.what) "
                        + "\(EchoedInput.text(code, bytes: 12)) is named \(EchoedInput.text(name, bytes: 27)) here "
                        + "but \(EchoedInput.text(earlier.name, bytes: 27)) on line \(earlier.line) "
                        + "(column \(pair.name)); a code has one name")
                }
            }
            return found + (more > 0 ? ["\(more) more codes with another name"] : [])
        }
    }

    /// A field's text as written (quotes of a quoted field unescaped).
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ span: RecordScanner.FieldSpan) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        return span.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }
}
