import Ingest
import Testing
import TestSupport

/// The CSV rules of the contract, on real files read by `Ingestor.load`.
/// The villages feed is used because it has free-text columns; its default
/// row (line 2) stays first so that the other feeds keep their references.
@Suite struct CSVReadingTests {
    /// A village row of the default county and township; `number` 2–999.
    static func village(_ number: Int, _ name: String) -> String {
        "\(villageCode(number)),\(name),\(FeedFolderWriter.township),花果园街道,\(FeedFolderWriter.county)"
    }

    static func villageCode(_ number: Int) -> String {
        let text = String(number)
        return FeedFolderWriter.township + String(repeating: "0", count: 3 - text.count) + text
    }

    static let defaultName = "花果园村"

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        var writer = FeedFolderWriter()
        writer.append(.villages,
                      Self.village(2, "\"王家,寨\""), // line 3
                      Self.village(3, "\"李\"\"家\"\"村\""), // line 4
                      Self.village(4, "\"上寨\n下寨\""), // lines 5–6
                      Self.village(5, "after"), // line 7
                      Self.village(6, "\"x\"y")) // line 8
        let result = try ingest(writer)
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "王家,寨", "李\"家\"村", "上寨\n下寨", "after"])
        #expect(result.findings == [Finding(.villages, 8, .malformedRow, "", Self.village(6, "\"x\"y"))])
    }

    @Test func crlfFilesGiveTheSameTablesAsLF() throws {
        var writer = FeedFolderWriter()
        writer.append(.villages, Self.village(2, "\"a, b\""), Self.village(3, "  spaced  "), Self.village(4, "\"\"\"q\"\"\""))
        let lf = try ingest(writer)
        writer.lineEnd = "\r\n"
        let crlf = try ingest(writer)
        #expect(lf.quarantine.isEmpty && crlf.quarantine.isEmpty)
        for feed in Feed.allCases {
            #expect(lf.table(feed).columns.map(\.texts) == crlf.table(feed).columns.map(\.texts), "\(feed)")
        }
        #expect(crlf.table(.villages)[Villages.villageName] == [Self.defaultName, "a, b", "spaced", "\"q\""])
    }

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        var writer = FeedFolderWriter()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for feed in Feed.allCases { writer.files[feed] = bom + writer.bytes(of: feed) }
        var crlf = FeedFolderWriter()
        crlf.lineEnd = "\r\n"
        // A BOM, then an empty line before the header.
        writer.files[.villages] = bom + Array("\r\n".utf8) + crlf.bytes(of: .villages)
        let result = try ingest(writer)
        #expect(result.quarantine.isEmpty)
        #expect(result.accounting.allSatisfy { $0.accepted == 1 && $0.extraColumns.isEmpty })
        #expect(result.table(.regions)[Regions.prefectureCode] == [520100])
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName])
    }

    @Test func lastLineWithoutLineBreakIsRead() throws {
        var writer = FeedFolderWriter()
        writer.endsWithLineEnd = false
        writer.append(.villages, Self.village(2, "a"), Self.village(3, "\"last\""))
        let lf = try ingest(writer)
        writer.lineEnd = "\r\n"
        let crlf = try ingest(writer)
        for result in [lf, crlf] {
            #expect(result.quarantine.isEmpty)
            #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "a", "last"])
            #expect(result.accounting.allSatisfy { $0.read == $0.accepted && $0.read >= 1 })
        }
    }

    @Test func strayCarriageReturnAtTheEndOfTheFileIsNotARow() throws {
        var writer = FeedFolderWriter()
        writer.files[.villages] = writer.bytes(of: .villages) + Array("\r".utf8)
        let result = try ingest(writer)
        #expect(result.quarantine.isEmpty)
        #expect(result.accounting(.villages).read == 1)
    }

    @Test func emptyLinesAreSkippedAndLineNumbersStayPhysical() throws {
        var writer = FeedFolderWriter()
        // Lines: 3 empty, 4 a, 5–6 empty, 7 b, 8 bad, 9 empty.
        writer.append(.villages, "", Self.village(2, "a"), "", "", Self.village(3, "b"), Self.village(4, "c,extra"), "")
        let result = try ingest(writer)
        #expect(result.accounting(.villages).read == 4)
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "a", "b"])
        #expect(result.findings == [Finding(.villages, 8, .malformedRow, "", Self.village(4, "c,extra"))])
    }

    @Test func unquotedFieldsAreTrimmedQuotedSpacesKept() throws {
        var writer = FeedFolderWriter()
        writer.append(.villages,
                      "  \(Self.villageCode(2))  ,  两头有空格  ,\(FeedFolderWriter.township) , 花果园街道 ,\(FeedFolderWriter.county)  ",
                      Self.village(3, "  \"  保留空格  \"  "))
        let result = try ingest(writer)
        #expect(result.quarantine.isEmpty)
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "两头有空格", "  保留空格  "])
        #expect(result.table(.villages)[Villages.villageCode] == [520102001001, 520102001002, 520102001003])
    }

    @Test func unterminatedQuoteIsQuarantinedAndReadingResumesOnTheNextLine() throws {
        var writer = FeedFolderWriter()
        writer.append(.villages, Self.village(2, "a"), Self.village(3, "\"never closed"), Self.village(4, "b"), Self.village(5, "c"))
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.villages, 4, .malformedRow, "", Self.village(3, "\"never closed"))])
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "a", "b", "c"])
        #expect(Array(result.quarantine).first?.message.contains("never closed") == true)
    }

    @Test func strayQuoteThatALaterQuoteWouldCloseOnlyCostsItsOwnLine() throws {
        var writer = FeedFolderWriter()
        // The quote opened on line 3 is closed by the opening quote of line 5, followed by text.
        writer.append(.villages, Self.village(2, "\"open"), Self.village(3, "b"), Self.village(4, "\"quoted\""), Self.village(5, "c"))
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.villages, 3, .malformedRow, "", Self.village(2, "\"open"))])
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "b", "quoted", "c"])
    }

    @Test func textAfterClosingQuoteIsMalformed() throws {
        var writer = FeedFolderWriter()
        writer.append(.villages, Self.village(2, "\"name\" tail"), Self.village(3, "ok"))
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.villages, 3, .malformedRow, "", Self.village(2, "\"name\" tail"))])
        #expect(Array(result.quarantine).first?.message.contains("closing quote") == true)
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "ok"])
    }

    @Test func wrongFieldCountIsMalformed() throws {
        var writer = FeedFolderWriter()
        let short = "\(Self.villageCode(2)),short,\(FeedFolderWriter.township),花果园街道"
        let long = Self.village(3, "long") + ",surplus"
        writer.append(.villages, short, long, Self.village(4, "ok"))
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.villages, 3, .malformedRow, "", short), Finding(.villages, 4, .malformedRow, "", long)])
        #expect(result.quarantine.map(\.message) == ["expected 5 fields as in the header, found 4",
                                                     "expected 5 fields as in the header, found 6"])
    }

    @Test func lineNumbersAreWhereTheRecordStartsAfterMultiLineFields() throws {
        var writer = FeedFolderWriter()
        writer.lineEnd = "\r\n"
        writer.append(.villages,
                      Self.village(2, "\"one\r\ntwo\r\nthree\""), // lines 3–5
                      Self.village(3, "\"bad\"x"), // line 6
                      Self.village(4, "\"multi\nline\""), // lines 7–8
                      "\(Self.villageCode(5)),\"second\nline\",\(FeedFolderWriter.township),花果园街道,999999", // lines 9–10
                      Self.village(6, "end"), // line 11
                      Self.village(6, "again")) // line 12
        let result = try ingest(writer)
        #expect(result.findings == [
            Finding(.villages, 6, .malformedRow, "", Self.village(3, "\"bad\"x")),
            Finding(.villages, 9, .unknownCounty, "county_code", "999999"),
            Finding(.villages, 12, .duplicateKey, "village_code", Self.villageCode(6)),
        ])
        #expect(result.table(.villages)[Villages.villageName] == [Self.defaultName, "one\r\ntwo\r\nthree", "multi\nline", "end"])
    }
}
