import Foundation
import Ingest
import Testing
import TestSupport

/// Quarantined rows keep resident and household IDs masked in `quarantine.csv`
/// and the warehouse; the whole rows, full IDs included, go only to the
/// restricted `restricted/quarantine_rows.csv` (0600 in a 0700 folder).
@Suite struct QuarantinePersonalDataTests {
    /// A valid resident ID that persons.csv does not hold.
    static let stranger = ResidentIDMaker.make(address: "520102", birth: "19900101", sequence: 1)

    /// The fixture with bad rows holding IDs: a repeated person and household, a person
    /// unknown to persons.csv, a line with too few fields; the pipeline allows half the rows bad.
    /// The fixture with bad rows appended, the pipeline, and the line of the first appended row per file.
    static func dirtyFolder(_ folder: TemporaryFolder) throws -> (data: String, pipeline: String, next: [String: Int]) {
        let data = folder.file("data")
        try FileManager.default.copyItem(atPath: RunCommandTests.fixture, toPath: data)
        var next: [String: Int] = [:]
        func append(_ name: String, _ lines: [String]) throws {
            let text = try String(contentsOfFile: data + "/" + name, encoding: .utf8)
            next[name] = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/" + name))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
            try handle.close()
        }
        try append("persons.csv", ["520102196211280012,5201020010010001,head,full,",
                                   "520102196111280023,5201020010010001,spouse"])
        try append("households.csv", ["5201020010010002,520102001001,ordinary,,,,,,,,0,,6000,,"])
        try append("education.csv", ["\(stranger),primary,enrolled"])
        let pipeline = folder.file("pipeline.yaml")
        let text = try String(contentsOf: BottomlineProcess.repository.appendingPathComponent("Pipelines/guizhou.yaml"),
                              encoding: .utf8)
        try text.replacingOccurrences(of: "max_quarantine_share: 0.05", with: "max_quarantine_share: 0.5")
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        return (data, pipeline, next)
    }

    /// Every resident and household ID written in the data folder's files.
    static func inputIDs(_ data: String) throws -> Set<String> {
        var ids: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: data) where name.hasSuffix(".csv") {
            let text = try String(contentsOfFile: data + "/" + name, encoding: .utf8)
            for field in text.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
                let isID = (field.count == 18 || field.count == 16) && field.dropLast().allSatisfy(\.isNumber)
                if isID { ids.insert(String(field)) }
            }
        }
        return ids
    }

    @Test func publicQuarantineAndWarehouseHoldNoFullID() throws {
        let folder = try TemporaryFolder()
        let (data, pipeline, next) = try Self.dirtyFolder(folder)
        let person = next["persons.csv"] ?? 0, household = next["households.csv"] ?? 0
        let education = next["education.csv"] ?? 0
        let out = folder.file("out"), warehouse = folder.file("warehouse.sqlite")
        let run = try BottomlineProcess.run(["run", "--pipeline", pipeline, "--data", data, "--date", "2026-11-28",
                                             "--out", out, "--warehouse", warehouse])
        #expect(run.status == 0, "\(run.standardError)")
        let ids = try Self.inputIDs(data)
        #expect(ids.count > 20)
        let quarantine = try String(contentsOfFile: out + "/quarantine.csv", encoding: .utf8)
        #expect(quarantine.contains("persons.csv,\(person),duplicate_key,person_id,520102********0012,"))
        #expect(quarantine.contains("households.csv,\(household),duplicate_key,household_id,520102******0002,"))
        #expect(quarantine.contains("education.csv,\(education),unknown_person,person_id,\(IDMask.masked(Self.stranger)),"))
        #expect(quarantine.contains("persons.csv,\(person + 1),malformed_row,,\"520102********0023,520102******0001,spouse\""))
        let warehouseBytes = try Data(contentsOf: URL(fileURLWithPath: warehouse))
        for id in ids {
            #expect(!quarantine.contains(id), "quarantine.csv holds \(id)")
            #expect(warehouseBytes.range(of: Data(id.utf8)) == nil, "the warehouse holds \(id)")
        }
        #expect(!run.standardError.contains("520102196211280012"))
        // The data owner's copy holds the whole rows.
        let rows = try String(contentsOfFile: out + "/restricted/quarantine_rows.csv", encoding: .utf8)
        #expect(rows.hasPrefix("feed,line,reason,column,row\n"))
        #expect(rows.contains("persons.csv,\(person),duplicate_key,person_id,\"520102196211280012,5201020010010001,head,full,\"\n"))
        #expect(rows.contains("persons.csv,\(person + 1),malformed_row,,\"520102196111280023,5201020010010001,spouse\"\n"))
        #expect(try RestrictedFilesTests.mode(out + "/restricted") == 0o700)
        #expect(try RestrictedFilesTests.mode(out + "/restricted/quarantine_rows.csv") == 0o600)
    }
}
