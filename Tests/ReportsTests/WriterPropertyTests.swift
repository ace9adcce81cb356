import Engine
import Foundation
import Ingest
@testable import Reports
import TestSupport
import Testing

/// Random Unicode through every writer, read back by an independent reader
/// (Python's csv module and html.parser, run as a separate process): names
/// made of quotes, commas, line breaks, combining marks, ZWJ sequences, bidi
/// controls, NUL and formula starts never break a row, never add a cell,
/// never start a formula and never change the report's markup.
@Suite(.enabled(if: IndependentReader.python != nil, "python3 is not installed"))
struct WriterPropertyTests {

    /// Pieces random names are made of: the hostile ones more often than plain text.
    static let pieces: [String] = [
        ",", "\"", "\n", "\r", "\r\n", "\t", "=", "+", "-", "@", "<", ">", "&", "'", ";", "\u{0}", "\u{1B}[31m", "\u{7F}",
        "\u{0301}", "\u{0308}", "\u{20DD}", "\u{200D}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{FEFF}", "\u{FFFD}",
        "👨‍👩‍👧", "🏳️‍🌈", "e\u{0301}", "\"\u{0301}", ",\u{0301}", "村", "六盘水市", "&amp;", "<script>", "]]>", "-->", "a", "7",
    ]

    /// A deterministic random stream (SplitMix64), so a failing seed can be replayed.
    struct Stream {
        var random: SeededGenerator
        init(seed: UInt64) { random = SeededGenerator(seed: seed) }
        mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }

        /// A name of 1–8 pieces, some of them random scalars from anywhere in Unicode.
        mutating func name() -> String {
            var text = ""
            for _ in 0..<(1 + below(8)) {
                if below(4) == 0 {
                    let value = UInt32(below(0x10FFFF))
                    text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                } else {
                    text += WriterPropertyTests.pieces[below(WriterPropertyTests.pieces.count)]
                }
            }
            return text
        }
    }

    /// What the CSV writers keep of a name: control characters other than tab and line breaks become U+FFFD.
    static func kept(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            ($0.value < 32 && !["\t", "\n", "\r"].contains($0)) || $0.value == 127 ? "\u{FFFD}" : $0
        }))
    }

    /// `kept(name)`, with the `'` a spreadsheet needs before a formula start.
    static func csvName(_ name: String) -> String {
        guard let first = name.utf8.first, "=+-@\t\r\n".utf8.contains(first) else { return kept(name) }
        return "'" + kept(name)
    }

    /// The fixture's table with every county and village renamed.
    static func table(names: [String: String]) -> IndicatorTable {
        let base = ProvinceFixture.table()
        let areas = base.areas.map { area in
            Area(level: area.level, code: area.code, name: names[area.code] ?? area.name, parent: area.parent)
        }
        return IndicatorTable(indicators: base.indicators, areas: areas,
                              numerators: areas.indices.flatMap { a in base.indicators.indices.map { base.numerator(area: a, indicator: $0) } },
                              denominators: areas.indices.flatMap { a in base.indicators.indices.map { base.denominator(area: a, indicator: $0) } })
    }

    /// Runs the Python reader on `folder`: every CSV as rows, report.html as its start tags and text.
    static func read(_ folder: String) throws -> [String: Any] {
        let script = """
            import csv, json, os, sys
            from html.parser import HTMLParser
            folder = sys.argv[1]
            out = {"csv": {}, "tags": [], "text": ""}
            for root, _, files in os.walk(folder):
                for name in files:
                    path = os.path.join(root, name)
                    if name.endswith(".csv"):
                        with open(path, newline="", encoding="utf-8-sig") as f:
                            out["csv"][os.path.relpath(path, folder)] = list(csv.reader(f, strict=True))
            class Reader(HTMLParser):
                def handle_starttag(self, tag, attrs): out["tags"].append(tag)
                def handle_data(self, data): out["text"] += data
            with open(os.path.join(folder, "report.html"), encoding="utf-8") as f:
                Reader(convert_charrefs=True).feed(f.read())
            json.dump(out, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: IndependentReader.python ?? "python3")
        process.arguments = ["-c", script, folder]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python: \(problems)")
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Writes every output for `names` (and a quarantine row made of `value`) and reads it back.
    static func writeAndRead(names: [String: String], value: String) throws -> (folder: TemporaryFolder, read: [String: Any]) {
        let (_, ingest) = try FeedFixture.ingest()
        let folder = try TemporaryFolder(prefix: "writer-property")
        let inputs = ReportInputs(table: table(names: names), ingest: ingest, clues: ProvinceFixture.clues(),
                                  runDate: ProvinceFixture.runDate, history: nil)
        try MeetingOutputs.write(inputs, to: folder.path)
        try Data(IndicatorsCSV.text(inputs.table).utf8).write(to: folder.url.appendingPathComponent("indicators.csv"))
        let record = QuarantineRecord(feed: .villages, line: 2, reason: .malformedRow, column: value, value: value, message: value)
        try QuarantineCSV.write([record], to: folder.url.appendingPathComponent("quarantine.csv"))
        return (folder, try read(folder.path))
    }

    @Test(arguments: 1...12)
    func randomNamesSurviveEveryWriter(seed: UInt64) throws {
        var stream = Stream(seed: seed)
        var names: [String: String] = [:]
        for county in ProvinceFixture.counties {
            names[county.code] = stream.name()
            names[county.code + "001001"] = stream.name()
        }
        let value = stream.name()
        let (folder, read) = try Self.writeAndRead(names: names, value: value)
        defer { folder.remove() }
        let plain = try Self.writeAndRead(names: [:], value: "x").read
        defer { }
        let files = try #require(read["csv"] as? [String: [[String]]])

        // indicators.csv: seven fields per row, the name as written.
        let indicators = try #require(files["indicators.csv"])
        #expect(indicators.allSatisfy { $0.count == 7 }, "seed \(seed)")
        for row in indicators.dropFirst() where names[row[1]] != nil {
            #expect(row[2] == Self.csvName(names[row[1]] ?? ""), "seed \(seed): \(row[2].debugDescription)")
        }
        // quarantine.csv: six fields, the value as written.
        let quarantine = try #require(files["quarantine.csv"])
        #expect(quarantine.count == 2 && quarantine.allSatisfy { $0.count == 6 }, "seed \(seed): \(quarantine)")
        #expect(quarantine.last?[4] == Self.csvName(value), "seed \(seed)")
        // county_summary.csv and the clue lists: every row as wide as the header, no cell starting a formula.
        for (name, rows) in files where name != "indicators.csv" && name != "quarantine.csv" {
            let width = rows.first?.count ?? 0
            #expect(rows.allSatisfy { $0.count == width }, "seed \(seed): \(name)")
            for cell in rows.joined() {
                #expect(!(cell.utf8.first.map { "=+@\t\r\n".utf8.contains($0) } ?? false), "seed \(seed): \(name): \(cell.debugDescription)")
            }
        }
        let summary = try #require(files["county_summary.csv"])
        for county in ProvinceFixture.counties {
            #expect(summary.contains { $0.count > 2 && $0[1] == county.code && $0[2] == Self.csvName(names[county.code] ?? "") },
                    "seed \(seed): county_summary.csv row of \(county.code)")
        }
        // report.html: the same elements as with plain names, and each name in the text.
        #expect(read["tags"] as? [String] == plain["tags"] as? [String], "seed \(seed): the names changed the markup")
        let text = try #require(read["text"] as? String)
        for county in ProvinceFixture.counties {
            let shown = MarkupText.expectedText(names[county.code] ?? "")
            #expect(text.contains(shown), "seed \(seed): \(shown.debugDescription) not in the report's text")
        }
    }
}

extension MarkupText {
    /// What an HTML reader gets back for `text`: XML-forbidden control characters become U+FFFD.
    static func expectedText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            ($0.value < 32 && !["\t", "\n", "\r"].contains($0)) || $0.value == 0xFFFE || $0.value == 0xFFFF ? "\u{FFFD}" : $0
        }))
    }
}

/// Where Python is, for reading outputs with code that is not ours.
enum IndependentReader {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
