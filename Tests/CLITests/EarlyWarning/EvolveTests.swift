import Foundation
import Testing
import TestSupport

/// `generate --evolve`: the next night of a province, about 1 % of households changed, every row still valid.
@Suite(.serialized) struct EvolveTests {
    @Test func theNextNightChangesAboutOnePercentAndRunsClean() throws {
        let folder = try TemporaryFolder()
        let first = folder.file("n1"), second = folder.file("n2"), again = folder.file("n2-again")
        #expect(try BottomlineProcess.run(["generate", "--persons", "20000", "--seed", "7", "--out", first,
                                           "--date", "2026-11-27"]).status == 0)
        let evolved = try BottomlineProcess.run(["generate", "--evolve", first, "--out", second, "--date", "2026-11-28"])
        #expect(evolved.status == 0, "\(evolved.standardError)")
        #expect(try BottomlineProcess.run(["generate", "--evolve", first, "--out", again, "--date", "2026-11-28"]).status == 0)
        let before = try String(contentsOfFile: first + "/households.csv", encoding: .utf8).split(separator: "\n")
        let after = try String(contentsOfFile: second + "/households.csv", encoding: .utf8).split(separator: "\n")
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }.count
        #expect(changed > before.count / 200 && changed < before.count / 50, "\(changed) of \(before.count)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: second + "/households.csv"))
            == Data(contentsOf: URL(fileURLWithPath: again + "/households.csv")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: second + "/persons.csv"))
            == Data(contentsOf: URL(fileURLWithPath: first + "/persons.csv")))

        // Both nights run against one warehouse; the second quarantines no households row and counts flows.
        let warehouse = folder.file("w.sqlite")
        for (data, date) in [(first, "2026-11-27"), (second, "2026-11-28")] {
            let run = try BottomlineProcess.run(["run", "--data", data, "--date", date, "--out", folder.file("out-" + date),
                                                 "--warehouse", warehouse])
            #expect(run.status == 0, "\(run.standardError)")
        }
        let rows = CSVRecords.parse(try String(contentsOfFile: folder.file("out-2026-11-28") + "/indicators.csv", encoding: .utf8))
        let province = { (id: String) in rows.first { $0.count == 7 && $0[0] == "province" && $0[3] == id }?[4] }
        let flows = ["night_new_clues", "night_new_inclusions", "night_new_eliminations", "night_income_falls"]
            .compactMap { province($0).flatMap { Int($0) } }
        #expect(flows.count == 4 && flows.reduce(0, +) >= changed * 9 / 10, "\(flows) for \(changed) changed")
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder.file("out-2026-11-28") + "/run.json"))) as? [String: Any]
        let households = (manifest?["inputs"] as? [[String: Any]])?.first { $0["feed"] as? String == "households" }
        #expect(households?["rows_quarantined"] as? Int == 0)
    }
}
