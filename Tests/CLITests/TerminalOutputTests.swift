import Foundation
import Testing
import TestSupport

/// Names from the feeds never reach the terminal as control sequences:
/// `history` and `diff` print them without escape, bidi or other control characters.
@Suite struct TerminalOutputTests {
    static let hostile = "\u{1B}[31m\u{1B}]0;pwned\u{07}\u{202E}\u{9B}2J"

    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter {
            ($0.value < 32 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value)
        }
    }

    @Test func historyAndDiffPrintNoControlCharacters() throws {
        let folder = try TemporaryFolder()
        let warehouse = folder.file("warehouse.sqlite")
        try WarehouseFixture.makeWarehouse(at: warehouse, countyNamePrefix: Self.hostile)
        let commands: [[String]] = [
            ["history", "--warehouse", warehouse, "--indicator", "insurance_rate", "--level", "county"],
            ["history", "--warehouse", warehouse, "--indicator", "insurance_rate", "--level", "county", "--code", "520102"],
            ["diff", "--warehouse", warehouse, "--from", WarehouseFixture.firstDate, "--to", WarehouseFixture.secondDate],
        ]
        for arguments in commands {
            let result = try BottomlineProcess.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.contains("南明区"), "\(arguments): the name is still shown")
            #expect(Self.controls(in: result.standardOutput).isEmpty, "\(arguments): \(result.standardOutput.debugDescription)")
        }
    }

    @Test func historyCSVKeepsTheNameQuotedAndReadable() throws {
        let folder = try TemporaryFolder()
        let warehouse = folder.file("warehouse.sqlite")
        try WarehouseFixture.makeWarehouse(at: warehouse, countyNamePrefix: "=1+2,\"")
        let result = try BottomlineProcess.run(["history", "--warehouse", warehouse, "--indicator", "insurance_rate",
                                                "--level", "county", "--csv"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = CSVRecords.parse(result.standardOutput)
        #expect(rows.count > 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == 8 })
        #expect(rows.dropFirst().allSatisfy { $0[3].hasPrefix("'=1+2,\"") })
    }
}
