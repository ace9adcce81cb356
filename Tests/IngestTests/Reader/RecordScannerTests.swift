@testable import Ingest
import Testing

/// The CSV reader on raw bytes, record by record.
@Suite struct RecordScannerTests {
    enum Scanned: Equatable, CustomStringConvertible {
        case record(line: Int, fields: [String])
        case malformed(line: Int, problem: RecordScanner.MalformedProblem)

        var description: String {
            switch self {
            case .record(let line, let fields): return "record@\(line)\(fields)"
            case .malformed(let line, let problem): return "malformed@\(line)(\(problem))"
            }
        }
    }

    /// Every record of `bytes` with its 0-based physical line and unescaped fields.
    static func scan(_ bytes: [UInt8], start: Int = 0, limit: Int? = nil) -> [Scanned] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = RecordScanner(bytes: buffer, start: start, limit: limit ?? buffer.count, expectedFields: 2)
            var out: [Scanned] = []
            while true {
                switch scanner.next() {
                case .end:
                    return out
                case .malformed(let line, _, let problem):
                    out.append(.malformed(line: line, problem: problem))
                case .record(let line, _, _):
                    let fields = (0..<scanner.fieldCount).map { i -> String in
                        let span = scanner.fields[i]
                        let text = String(decoding: buffer[span.start..<span.end], as: UTF8.self)
                        return span.hasEscapedQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
                    }
                    out.append(.record(line: line, fields: fields))
                }
            }
        }
    }

    static func scan(_ text: String) -> [Scanned] { scan(Array(text.utf8)) }

    @Test func plainRecordsOnePerLine() {
        #expect(Self.scan("a,b,c\nd,e,f\n") == [.record(line: 0, fields: ["a", "b", "c"]),
                                                .record(line: 1, fields: ["d", "e", "f"])])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let text = "\"x,y\",\"he said \"\"hi\"\"\",\"two\nlines\"\nnext,row,z\n"
        #expect(Self.scan(text) == [.record(line: 0, fields: ["x,y", "he said \"hi\"", "two\nlines"]),
                                    .record(line: 2, fields: ["next", "row", "z"])])
    }

    @Test func quotedEmptyAndQuoteOnlyFields() {
        #expect(Self.scan("\"\",\"\"\"\",a\n") == [.record(line: 0, fields: ["", "\"", "a"])])
    }

    @Test func crlfLineEndsAreNotPartOfFields() {
        #expect(Self.scan("a,b\r\n\"c\",d\r\n") == [.record(line: 0, fields: ["a", "b"]), .record(line: 1, fields: ["c", "d"])])
        // A CRLF inside quotes is data.
        #expect(Self.scan("\"a\r\nb\",c\r\nd,e\r\n") == [.record(line: 0, fields: ["a\r\nb", "c"]),
                                                         .record(line: 2, fields: ["d", "e"])])
    }

    @Test func lastLineWithoutLineBreak() {
        #expect(Self.scan("a,b\nc,d") == [.record(line: 0, fields: ["a", "b"]), .record(line: 1, fields: ["c", "d"])])
        #expect(Self.scan("a,b\r\n\"c\",\"d\"") == [.record(line: 0, fields: ["a", "b"]), .record(line: 1, fields: ["c", "d"])])
        #expect(Self.scan("a,b\r\nc,d\r") == [.record(line: 0, fields: ["a", "b"]), .record(line: 1, fields: ["c", "d"])])
    }

    @Test func emptyLinesAreSkippedButCounted() {
        #expect(Self.scan("\n\na,b\n\r\n\nc,d\n\n") == [.record(line: 2, fields: ["a", "b"]),
                                                       .record(line: 5, fields: ["c", "d"])])
    }

    @Test func carriageReturnEndingTheFileIsALineEndNotARecord() {
        // Found by the fuzzer: "…\n\r" read one record more than "…\n\r\n".
        #expect(Self.scan("a,b\n\r") == [.record(line: 0, fields: ["a", "b"])])
        #expect(Self.scan("a,b\n\r") == Self.scan("a,b\n\r\n"))
        #expect(Self.scan("\r") == [])
        #expect(Self.scan("a,b\n\r\rc") == [.record(line: 0, fields: ["a", "b"]), .record(line: 1, fields: ["\r\rc"])])
    }

    @Test func emptyFieldsAreKept() {
        #expect(Self.scan("a,,c\n,\n") == [.record(line: 0, fields: ["a", "", "c"]), .record(line: 1, fields: ["", ""])])
    }

    @Test func unquotedFieldsAreTrimmedQuotedSpacesKept() {
        #expect(Self.scan("  a  , \" b \" ,c  \r\n") == [.record(line: 0, fields: ["a", " b ", "c"])])
    }

    @Test func unclosedQuoteResumesOnTheNextLine() {
        #expect(Self.scan("a,\"b\nc,d\ne,f\n") == [.malformed(line: 0, problem: .unclosedQuote),
                                                  .record(line: 1, fields: ["c", "d"]),
                                                  .record(line: 2, fields: ["e", "f"])])
    }

    @Test func strayQuoteClosedLaterIsTextAfterClosingQuote() {
        // The quote opened on line 0 is closed by the first quote of line 2, followed by text.
        #expect(Self.scan("a,\"b\nc,d\n\"e\",f\n") == [.malformed(line: 0, problem: .textAfterClosingQuote),
                                                      .record(line: 1, fields: ["c", "d"]),
                                                      .record(line: 2, fields: ["e", "f"])])
    }

    @Test func textAfterClosingQuote() {
        #expect(Self.scan("\"a\"b,c\nd,e") == [.malformed(line: 0, problem: .textAfterClosingQuote),
                                              .record(line: 1, fields: ["d", "e"])])
        // A lone CR after a closing quote is not a line end.
        #expect(Self.scan("\"a\"\rb,c\nd,e\n") == [.malformed(line: 0, problem: .textAfterClosingQuote),
                                                  .record(line: 1, fields: ["d", "e"])])
    }

    @Test func recordsStartingAtOrAfterTheLimitAreLeftToTheNextChunk() {
        let bytes = Array("a,b\n\"c\nd\",e\nf,g\n".utf8)
        // The limit falls inside the quoted field of the second record: that record is still read whole.
        #expect(Self.scan(bytes, limit: 7) == [.record(line: 0, fields: ["a", "b"]), .record(line: 1, fields: ["c\nd", "e"])])
        #expect(Self.scan(bytes, limit: 4) == [.record(line: 0, fields: ["a", "b"])])
        #expect(Self.scan(bytes, start: 12) == [.record(line: 0, fields: ["f", "g"])])
    }
}
