// The output part of the fuzz target: every text a feed can put into an
// output goes through CSV quoting, markup escaping and terminal cleaning, and
// is read back with a reader written here (not the writers' code).

import Foundation
import Ingest
@testable import Reports

/// Writes `input` (as text) through the writers and checks each result with an independent reader.
func fuzzWriters(_ input: [UInt8]) {
    let text = String(decoding: input, as: UTF8.self)
    // CSV: one record of three fields reads back as exactly three fields.
    let line = CSVText.line(["a", CSVText.feedText(text), CSVText.field(text)])
    guard let fields = FuzzCSVReader.record(Array(line.utf8)), fields.count == 3 else {
        fatalError("CSV: \(line.debugDescription) does not read back as three fields")
    }
    let expected = FuzzCSVReader.withoutControls(text)
    guard fields[2] == expected else { fatalError("CSV field: \(fields[2].debugDescription) ≠ \(expected.debugDescription)") }
    let neutral = fields[1]
    guard neutral == expected || neutral == "'" + expected else { fatalError("CSV feed text: \(neutral.debugDescription)") }
    if let first = neutral.utf8.first, "=+-@\t\r\n".utf8.contains(first) {
        fatalError("CSV feed text starts a formula: \(neutral.debugDescription)")
    }
    // The quarantine file's rows: header plus one row of six fields.
    let record = QuarantineRecord(feed: .persons, line: 2, reason: .malformedRow, column: text, value: text, message: text,
                                  row: text)
    guard let row = FuzzCSVReader.record(Array(QuarantineCSV.line(record).utf8)), row.count == 6 else {
        fatalError("quarantine.csv row does not read back as six fields")
    }
    guard let whole = FuzzCSVReader.record(Array(QuarantineRowsCSV.line(record).utf8)), whole.count == 5 else {
        fatalError("quarantine_rows.csv row does not read back as five fields")
    }
    // Markup: no raw '<', '>', quote or control character; every '&' starts an entity.
    let markup = MarkupText.escape(text)
    for (index, scalar) in markup.unicodeScalars.enumerated() {
        if "<>\"'".unicodeScalars.contains(scalar) || (scalar.value < 32 && scalar != "\t" && scalar != "\n") {
            fatalError("markup: raw \(scalar.debugDescription) at \(index) in \(markup.debugDescription)")
        }
    }
    // Read as bytes: a combining mark after ';' would fuse with it into one Character.
    let bytes = Array(markup.utf8)
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "&") {
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ";")),
              ["amp", "lt", "gt", "quot", "#39", "#13"].contains(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) else {
            fatalError("markup: a bare '&' in \(markup.debugDescription)")
        }
    }
    // Terminal: nothing that a terminal would interpret.
    let plain = TerminalText.plain(text)
    if let control = plain.unicodeScalars.first(where: { $0.value < 32 && $0 != "\n" && $0 != "\t" || (0x7F..<0xA0).contains($0.value) }) {
        fatalError("terminal text keeps \(control.debugDescription)")
    }
}

/// A small RFC 4180 reader, independent of the writers.
enum FuzzCSVReader {
    /// The fields of the first record of `bytes` (which must end with its line feed), or nil when malformed.
    static func record(_ bytes: [UInt8]) -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quoted = false
        var fieldStart = true
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 34 {
                    if i + 1 < bytes.count && bytes[i + 1] == 34 { field.append(34); i += 2; continue }
                    quoted = false
                    i += 1
                    guard i < bytes.count, bytes[i] == 44 || bytes[i] == 10 else { return nil }
                    continue
                }
                field.append(b)
            } else if b == 34 && fieldStart {
                quoted = true
                fieldStart = false
            } else if b == 34 {
                return nil
            } else if b == 44 {
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
                fieldStart = true
            } else if b == 10 {
                fields.append(String(decoding: field, as: UTF8.self))
                return i == bytes.count - 1 ? fields : nil
            } else if b == 13 {
                return nil
            } else {
                field.append(b)
                fieldStart = false
            }
            i += 1
        }
        return nil
    }

    /// `text` as the CSV writer keeps it: control characters other than tab, CR and LF become U+FFFD.
    static func withoutControls(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = (scalar.value < 32 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 127
            out.append(isControl ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }
}
