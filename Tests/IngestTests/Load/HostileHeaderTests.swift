import Foundation
import Ingest
import Testing
import TestSupport

/// Headers that cannot be trusted: repeated columns, broken quoting, UTF-16,
/// doubled byte-order marks, NUL bytes. Each is refused naming what it is,
/// and no message quotes more than 200 bytes of the file.
@Suite struct HostileHeaderTests {
    @Test func repeatedContractColumnIsRefusedNamingIt() throws {
        var writer = FeedFolderWriter()
        writer.headers[.water] = "household_id,safe,tap_water,safe"
        writer[.water] = ["\(FeedFolderWriter.household),0,1,1"]
        let error = try FatalErrorTests.loadError(writer)
        #expect(error == .duplicateColumns(file: "water.csv", columns: ["safe"]))
        #expect(error?.description.hasPrefix("water.csv:1: the header names safe more than once") == true)
    }

    @Test func unclosedQuoteInTheHeaderIsNamedNotAnEmptyFile() throws {
        var writer = FeedFolderWriter()
        writer.headers[.housing] = "household_id,\"grade,renovated"
        let error = try FatalErrorTests.loadError(writer)
        #expect(error == .malformedHeader(file: "housing.csv", problem: "opens a quote that is never closed"))
        #expect(error?.description.contains("empty") == false)
    }

    @Test(arguments: [
        ([0xFF, 0xFE], "little-endian"), ([0xFE, 0xFF], "big-endian"), ([], "little-endian"),
    ] as [([UInt8], String)])
    func utf16IsNamed(byteOrderMark: [UInt8], byteOrder: String) throws {
        var writer = FeedFolderWriter()
        let text = String(decoding: writer.bytes(of: .water), as: UTF8.self)
        let units = byteOrder == "little-endian"
            ? text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            : text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        writer.files[.water] = byteOrderMark + units
        let error = try FatalErrorTests.loadError(writer)
        #expect(error == .utf16(file: "water.csv", byteOrder: byteOrder))
        let message = error?.description ?? ""
        #expect(message.contains("UTF-16"))
        #expect(!message.utf8.contains(0))
    }

    @Test func doubleByteOrderMarkIsNamed() throws {
        var writer = FeedFolderWriter()
        writer.files[.housing] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + writer.bytes(of: .housing)
        let error = try FatalErrorTests.loadError(writer)
        #expect(error == .doubleByteOrderMark(file: "housing.csv"))
        #expect(error?.description.contains("two UTF-8 byte-order marks") == true)
    }

    @Test func fileOfNULsGivesAShortMessage() throws {
        var writer = FeedFolderWriter()
        writer.files[.persons] = [UInt8](repeating: 0, count: 1 << 20)
        let error = try FatalErrorTests.loadError(writer)
        #expect(error == .nulBytes(file: "persons.csv"))
        let message = error?.description ?? ""
        #expect(message.utf8.count < 400)
        #expect(!message.utf8.contains(0))
    }

    /// Carriage-return line ends make the whole file one header line of 20,000 IDs:
    /// the message names the missing column and quotes none of them.
    @Test func hugeCarriageReturnOnlyHeaderIsNotEchoed() throws {
        var writer = FeedFolderWriter()
        let ids = (1...20_000).map { personID($0 % 999 + 1, born: 1950 + $0 % 50) }
        writer.headers[.persons] = FeedFolderWriter.contractHeaders[.persons]!
        writer[.persons] = ids.map { "\($0),\(FeedFolderWriter.household),child,full," }
        writer.lineEnd = "\r"
        let error = try FatalErrorTests.loadError(writer)
        let message = error?.description ?? ""
        #expect(message.contains("persons.csv"))
        #expect(message.utf8.count < 800)
        #expect(!ids.contains { message.contains($0) })
    }

    @Test func extraColumnsAreListedInTheLogWithinTheEchoLimit() throws {
        var writer = FeedFolderWriter()
        let long = String(repeating: "备注", count: 200)
        writer.headers[.water] = "household_id,tap_water,safe,remark,\(long)"
        writer[.water] = ["\(FeedFolderWriter.household),1,1,,"]
        let log = ProgressLog()
        var options = testOptions()
        options.progress = { log.append($0) }
        _ = try ingest(writer, options: options)
        let line = log.lines.first { $0.hasPrefix("ingest water.csv") } ?? ""
        #expect(line.contains("columns not in the contract, ignored: remark, 备注"))
        #expect(line.utf8.count < 200 + 160)
        #expect(!(log.lines.first { $0.hasPrefix("ingest housing.csv") } ?? "").contains("columns not in the contract"))
    }
}
