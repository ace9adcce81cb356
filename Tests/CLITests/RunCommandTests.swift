import Foundation
import Testing
import TestSupport

/// End to end: the real binary on real files.
@Suite(.serialized) struct RunCommandTests {
    static let fixture = BottomlineProcess.repository.appendingPathComponent("Tests/EngineTests/Fixtures/edge_cases").path

    /// A fresh folder under the system's temporary folder.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bottomline-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func copyFixture(to folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture) where name.hasSuffix(".csv") && name != "expected.csv" {
            try FileManager.default.copyItem(atPath: fixture + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
    }

    @Test func runPublishesIndicatorsQuarantineAndManifest() throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let outcome = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28", "--out", out.path, "--threads", "2"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let indicators = try String(contentsOf: out.appendingPathComponent("indicators.csv"), encoding: .utf8)
        #expect(indicators.hasPrefix("level,code,name,indicator,numerator,denominator,value\n"))
        // Every hand-worked figure of the fixture's expected.csv is published as worked out.
        let published = Set(indicators.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return ([fields[0], fields[1]] + fields[3...]).joined(separator: ",")
        })
        let expected = try String(contentsOfFile: Self.fixture + "/expected.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
        #expect(expected.count > 800)
        #expect(expected.filter { !published.contains($0) } == [])
        let quarantine = try String(contentsOf: out.appendingPathComponent("quarantine.csv"), encoding: .utf8)
        #expect(quarantine == "feed,line,reason,column,value,message\n")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
        let inputs = try #require(manifest?["inputs"] as? [[String: Any]])
        #expect(inputs.count == 10) // the ten feeds of contract version 2
        let persons = try #require(inputs.first { $0["feed"] as? String == "persons" })
        let personLines = try String(contentsOfFile: Self.fixture + "/persons.csv", encoding: .utf8).split(separator: "\n").count
        #expect(persons["rows_read"] as? Int == personLines - 1)
        #expect((persons["sha256"] as? String)?.count == 64)
        #expect((manifest?["stages"] as? [String: Any])?["ingest"] != nil)
        #expect(manifest?["threads"] as? Int == 2)
        #expect(outcome.standardError.contains("stage ingest"))
    }

    @Test func oneAndFourThreadsWriteTheSameBytes() throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        for threads in ["1", "4"] {
            let outcome = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28",
                                                 "--out", work.appendingPathComponent(threads).path, "--threads", threads])
            #expect(outcome.status == 0)
        }
        for file in ["indicators.csv", "quarantine.csv", "county_summary.csv", "county_summary.xlsx", "report.html"] {
            let one = try Data(contentsOf: work.appendingPathComponent("1/\(file)"))
            let four = try Data(contentsOf: work.appendingPathComponent("4/\(file)"))
            #expect(one == four, "\(file)")
        }
    }

    @Test func theReportDrawsCountyMapsUnlessToldNone() throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        let maps = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28",
                                              "--out", work.appendingPathComponent("maps").path])
        #expect(maps.status == 0, "\(maps.standardError)")
        let withMaps = try String(contentsOf: work.appendingPathComponent("maps/report.html"), encoding: .utf8)
        #expect(withMaps.contains("<section id=\"maps\""))
        #expect(!withMaps.contains("<section id=\"charts\""))
        let bars = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28", "--county-map", "none",
                                              "--out", work.appendingPathComponent("bars").path])
        #expect(bars.status == 0, "\(bars.standardError)")
        let withBars = try String(contentsOf: work.appendingPathComponent("bars/report.html"), encoding: .utf8)
        #expect(withBars.contains("<section id=\"charts\""))
        #expect(!withBars.contains("<section id=\"maps\""))
        let broken = work.appendingPathComponent("broken.json")
        try Data("{".utf8).write(to: broken)
        let refused = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-11-28", "--county-map", broken.path,
                                                 "--out", work.appendingPathComponent("refused").path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("cannot read the county map"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("refused").path))
    }

    @Test func aRejectedFeedPublishesNothingAndKeepsThePreviousOutputs() throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        let data = work.appendingPathComponent("data"), out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Self.copyFixture(to: data)
        let good = try BottomlineProcess.run(["run", "--data", data.path, "--date", "2026-11-28", "--out", out.path])
        #expect(good.status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("indicators.csv"))
        // Break every water row but the header: far over the 5 % limit.
        let water = data.appendingPathComponent("water.csv")
        let broken = try String(contentsOf: water, encoding: .utf8).replacingOccurrences(of: ",1,1\n", with: ",yes,1\n")
        try broken.write(to: water, atomically: true, encoding: .utf8)
        let bad = try BottomlineProcess.run(["run", "--data", data.path, "--date", "2026-11-29", "--out", out.path])
        #expect(bad.status == 4)
        #expect(bad.standardError.contains("water.csv"))
        #expect(bad.standardError.contains("nothing was published"))
        #expect(try Data(contentsOf: out.appendingPathComponent("indicators.csv")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func exitCodesNameTheProblem() throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        // A missing feed file: 3, naming the file.
        try Self.copyFixture(to: work)
        try FileManager.default.removeItem(at: work.appendingPathComponent("employment.csv"))
        let missing = try BottomlineProcess.run(["run", "--data", work.path, "--date", "2026-11-28", "--out", work.appendingPathComponent("o").path])
        #expect(missing.status == 3)
        #expect(missing.standardError.contains("employment.csv: the file is missing"))
        // A pipeline error: 2, with file, line and column.
        let pipeline = work.appendingPathComponent("bad.yaml")
        let text = try String(contentsOfFile: BottomlineProcess.repository.appendingPathComponent("Pipelines/guizhou.yaml").path, encoding: .utf8)
            .replacingOccurrences(of: "numerator: covered and insurable and insured", with: "numerator: covered and insurd")
        try text.write(to: pipeline, atomically: true, encoding: .utf8)
        let badPipeline = try BottomlineProcess.run(["run", "--pipeline", pipeline.path, "--data", Self.fixture, "--date", "2026-11-28",
                                                 "--out", work.appendingPathComponent("o").path])
        #expect(badPipeline.status == 2)
        #expect(badPipeline.standardError.contains("bad.yaml:"))
        #expect(badPipeline.standardError.contains("unknown field 'insurd'"))
        // A date that does not exist: a usage error.
        let badDate = try BottomlineProcess.run(["run", "--data", Self.fixture, "--date", "2026-02-30", "--out", work.path])
        #expect(badDate.status != 0)
        #expect(badDate.standardError.contains("not a real date"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("o").path))
    }

    @Test func checkPrintsTheAccountingAndWritesTheQuarantine() throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        let data = work.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Self.copyFixture(to: data)
        let persons = data.appendingPathComponent("persons.csv")
        let original = try String(contentsOf: persons, encoding: .utf8)
        let firstBadLine = original.split(separator: "\n").count + 1
        // Five IDs whose check character is wrong.
        let bad = ["520102199001010094", "520102199001010100", "520102199001010110", "520102199001010120", "520102199001010131"]
        try (original + bad.map { "\($0),5201020010010004,child,full,\n" }.joined())
            .write(to: persons, atomically: true, encoding: .utf8)
        let outcome = try BottomlineProcess.run(["check", "--data", data.path, "--date", "2026-11-28", "--out", work.appendingPathComponent("q").path])
        // Five bad rows among the fixture's persons are over 5 %: the check fails, and says so.
        #expect(outcome.status == 4)
        #expect(outcome.standardOutput.contains("persons.csv"))
        #expect(outcome.standardOutput.contains("invalid_person_id=5"))
        let quarantine = try String(contentsOf: work.appendingPathComponent("q/quarantine.csv"), encoding: .utf8)
        #expect(quarantine.contains("persons.csv,\(firstBadLine),invalid_person_id,person_id,520102********0094,"))
    }
}
