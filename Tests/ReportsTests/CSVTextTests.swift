import Engine
import Foundation
@testable import Reports
import TestSupport
import Testing

/// CSV fields are quoted and neutralised on bytes: a comma alone triggers
/// quoting, a quote fused with a combining mark is still doubled, control
/// characters are replaced, and a formula start is caught whatever follows it.
@Suite struct CSVTextTests {
    @Test func aCommaAloneIsQuoted() {
        #expect(CSVText.field("贵阳,南明") == "\"贵阳,南明\"")
        #expect(CSVRecords.parse(CSVText.line(["a", CSVText.feedText("贵阳,南明"), "b"])) == [["a", "贵阳,南明", "b"]])
    }

    @Test func aQuoteFollowedByACombiningMarkIsDoubled() {
        let name = "N\"\u{0301},=2*3,\"\u{0301}"
        let line = CSVText.line(["520102", CSVText.feedText(name), "1"])
        #expect(CSVRecords.parse(line) == [["520102", name, "1"]])
        // Swift sees the quote and its mark as one Character; the writer must not.
        #expect(line.utf8.count == "520102,\"N\"\"\u{0301},=2*3,\"\"\u{0301}\",1\n".utf8.count)
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        #expect(CSVText.field("a\u{0}b\u{1B}[31m\u{7F}") == "a\u{FFFD}b\u{FFFD}[31m\u{FFFD}")
        #expect(CSVText.field("tab\there") == "tab\there")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
    }

    @Test func aFormulaStartIsNeutralisedWhateverCombinesWithIt() {
        #expect(CSVText.feedText("=\u{0301}1+2") == "'=\u{0301}1+2")
        #expect(CSVText.feedText("@SUM(1)") == "'@SUM(1)")
        #expect(CSVText.feedText("\nline") == "\"'\nline\"")
        #expect(CSVText.feedText("南明区") == "南明区")
    }

    @Test func indicatorsCSVQuotesANameWithACommaOnly() throws {
        let base = ProvinceFixture.table()
        let areas = base.areas.map { Area(level: $0.level, code: $0.code, name: $0.level == .county ? "Kaili, old town" : $0.name, parent: $0.parent) }
        let table = IndicatorTable(indicators: base.indicators, areas: areas, numerators: base.numerators, denominators: base.denominators)
        let rows = CSVRecords.parse(IndicatorsCSV.text(table))
        #expect(rows.allSatisfy { $0.count == 7 })
        #expect(rows.filter { $0[0] == "county" }.allSatisfy { $0[2] == "Kaili, old town" })
    }

    /// The byte writer prints every figure as `String(Int64)` and `ExactDecimal.ratio` would:
    /// negative and zero figures, undefined rates, large values, 0 to 6 decimals.
    @Test func indicatorsCSVFiguresAreThoseOfTheTable() throws {
        let base = ProvinceFixture.table()
        var random = SystemRandomNumberGenerator()
        let values: [Int64] = [0, 1, -1, 9, 10, 99_999, -123_456_789, 4_000_000_000_000, Int64(Int32.max)]
        let pick = { (_: Int) -> Int64 in
            Bool.random(using: &random) ? values.randomElement(using: &random) ?? 0 : Int64.random(in: -5_000...5_000_000, using: &random)
        }
        let indicators = base.indicators.enumerated().map { index, definition in
            IndicatorDefinition(id: definition.id, labelZH: definition.labelZH, labelEN: definition.labelEN,
                                entity: definition.entity, numerator: definition.numerator,
                                denominator: definition.denominator, unit: definition.unit, decimals: index % 7,
                                target: definition.target, inSummary: definition.inSummary, isKey: definition.isKey)
        }
        let table = IndicatorTable(indicators: indicators, areas: base.areas, numerators: base.numerators.indices.map(pick),
                                   denominators: base.denominators.indices.map { pick($0) / 1_000 })
        let rows = CSVRecords.parse(IndicatorsCSV.text(table)).dropFirst()
        #expect(rows.count == table.areas.count * table.indicators.count)
        for (row, fields) in rows.enumerated() {
            let area = row / table.indicators.count, k = row % table.indicators.count
            let expected = [String(table.numerator(area: area, indicator: k)),
                            table.indicators[k].isRatio ? String(table.denominator(area: area, indicator: k)) : "",
                            table.formattedValue(area: area, indicator: k)]
            #expect(Array(fields.suffix(3)) == expected, "row \(row + 2)")
        }
    }

    /// A table of several pieces (of about a megabyte each) gives the same bytes
    /// whether its pieces are formatted on one thread or several, in area order.
    @Test func indicatorsCSVIsTheSameOnAnyNumberOfThreads() {
        let base = ProvinceFixture.table()
        // Three pieces and a bit at ~40 bytes a row.
        let copies = 3 * (1 << 20) / (40 * base.indicators.count * base.areas.count) + 1
        let areas = (0..<copies).flatMap { copy in
            base.areas.map { Area(level: $0.level, code: $0.code, name: "\($0.name) \(copy)", parent: $0.parent) }
        }
        let numerators = (0..<copies).flatMap { copy in base.numerators.map { $0 + Int64(copy) } }
        let table = IndicatorTable(indicators: base.indicators, areas: areas, numerators: numerators,
                                   denominators: Array(repeating: base.denominators, count: copies).flatMap { $0 })
        let bytes = { (threads: Int) -> [UInt8] in
            var out: [UInt8] = []
            IndicatorsCSV.write(table, threads: threads) { out.append(contentsOf: $0) }
            return out
        }
        let one = bytes(1)
        #expect(bytes(2) == one)
        #expect(bytes(3) == one)
        #expect(one.count { $0 == UInt8(ascii: "\n") } == 1 + areas.count * base.indicators.count)
        let last = String(decoding: one.suffix(400), as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        let lastArea = areas.count - 1, lastIndicator = base.indicators.count - 1
        #expect(CSVRecords.parse(last + "\n") == [[
            areas[lastArea].level.rawValue, areas[lastArea].code, CSVText.neutralised(areas[lastArea].name),
            base.indicators[lastIndicator].id, String(table.numerator(area: lastArea, indicator: lastIndicator)),
            base.indicators[lastIndicator].isRatio ? String(table.denominator(area: lastArea, indicator: lastIndicator)) : "",
            table.formattedValue(area: lastArea, indicator: lastIndicator),
        ]])
    }
}
