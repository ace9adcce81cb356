import Engine
import Foundation
import Ingest
@testable import Reports
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite(.serialized) struct ClueListFilesTests {
    func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    /// Writes the clue lists (CLITests.RestrictedFilesTests checks the modes under umask 0, in a child process).
    func writeClues(_ options: ReportOptions = ReportOptions(), into folder: TemporaryFolder) throws {
        let (_, ingest) = try FeedFixture.ingest()
        try ClueListFiles().write(ProvinceFixture.inputs(ingest: ingest), options: options, to: folder.url)
    }

    func records(_ url: URL) throws -> [[String]] {
        let data = try Data(contentsOf: url)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        return CSVRecords.parse(try #require(String(data: data.dropFirst(3), encoding: .utf8)))
    }

    @Test func oneFilePerCountyWithClues() throws {
        let folder = try TemporaryFolder(prefix: "reports-clues")
        defer { folder.remove() }
        try writeClues(into: folder)
        let clues = folder.url.appendingPathComponent("clues")
        let files = try FileManager.default.contentsOfDirectory(atPath: clues.path).sorted()
        let counties = Set(ProvinceFixture.clues().households.map(\.countyCode)).sorted()
        #expect(files == counties.map { $0 + ".csv" })
    }

    @Test func folderAndFilesAreOwnerOnly() throws {
        let folder = try TemporaryFolder(prefix: "reports-clues")
        defer { folder.remove() }
        let clues = folder.url.appendingPathComponent("clues")
        // An earlier run left a readable folder and a list for a county with no clues tonight.
        try FileManager.default.createDirectory(at: clues, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        try Data("old".utf8).write(to: clues.appendingPathComponent("520103.csv"))
        try writeClues(into: folder)
        #expect(try permissions(clues) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: clues.path)
        #expect(!files.contains("520103.csv"))
        for file in files { #expect(try permissions(clues.appendingPathComponent(file)) == 0o600, "\(file)") }
    }

    @Test func rowsSortedByVillageThenHouseholdWithMaskedIDsAndSignals() throws {
        let folder = try TemporaryFolder(prefix: "reports-clues")
        defer { folder.remove() }
        try writeClues(into: folder)
        let rows = try records(folder.url.appendingPathComponent("clues/520102.csv"))
        let signals = ProvinceFixture.signals
        #expect(rows[0] == ["县代码", "县名称", "村代码", "村名称", "户编号", "户主身份证号（脱敏）"] + signals.map(\.labelZH) + ["触发信号"])
        let expected = ProvinceFixture.clues().households.filter { $0.countyCode == "520102" }
            .sorted { ($0.villageCode, $0.householdID) < ($1.villageCode, $1.householdID) }
        #expect(rows.dropFirst().map { $0[4] } == expected.map(\.householdID))
        for (row, household) in zip(rows.dropFirst(), expected) {
            #expect(row[0] == "520102")
            #expect(row[1] == "南明区")
            #expect(row[2] == household.villageCode)
            if let id = household.headResidentID {
                #expect(row[5] == String(id.prefix(6)) + "********" + String(id.suffix(4)))
                #expect(row[5].count == 18)
            } else {
                #expect(row[5] == "")
            }
            #expect(Array(row[6..<(6 + signals.count)]) == signals.map { household.signals.contains($0.id) ? "1" : "0" })
            let fired = signals.filter { household.signals.contains($0.id) }.map(\.labelZH)
            #expect(row.last == fired.joined(separator: "、"))
        }
        let text = try #require(String(data: try folder.data("clues/520102.csv"), encoding: .utf8))
        #expect(!text.contains(ProvinceFixture.headID))
    }

    @Test func hostileVillageNamesAreNeutralised() throws {
        let folder = try TemporaryFolder(prefix: "reports-clues")
        defer { folder.remove() }
        try writeClues(into: folder)
        let rows = try records(folder.url.appendingPathComponent("clues/522601.csv"))
        #expect(rows[1][1] == "'" + ProvinceFixture.hyperlink)
        #expect(rows[1][3] == "'" + ProvinceFixture.hyperlink)
        let other = try records(folder.url.appendingPathComponent("clues/520102.csv"))
        #expect(other.contains { $0[3] == "'=cmd|' /C calc'!A0" })
    }

    @Test func englishHeadersAndGB18030() throws {
        let folder = try TemporaryFolder(prefix: "reports-clues")
        defer { folder.remove() }
        try writeClues(ReportOptions(language: .en, spreadsheetEncoding: .gb18030), into: folder)
        let data = try folder.data("clues/522601.csv")
        let decoded = try data.withUnsafeBytes { try GB18030Decoder.decode($0.bindMemory(to: UInt8.self)) }
        let rows = CSVRecords.parse(try #require(String(bytes: decoded, encoding: .utf8)))
        #expect(Array(rows[0].prefix(6)) == ["county_code", "county_name", "village_code", "village_name", "household_id", "head_id_masked"])
        #expect(rows[1].last == "Income below the line")
    }

    @Test func maskKeepsFirstSixAndLastFour() {
        #expect(IDMask.masked("52010219800101001X") == "520102********001X")
        #expect(IDMask.masked("12345") == "*****")
    }
}
