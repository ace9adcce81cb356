import Foundation
import GRDB
import Testing
import TestSupport

/// The issue's scripted nights (#10 "Done when"), each a real feed folder run
/// by the real binary against one warehouse.
@Suite(.serialized) struct EarlyWarningNightsTests {
    typealias Household = EarlyWarningFixture.Household

    /// H1: a clue from 11-01, included 11-18. H2: eliminated 11-05, unsafe water 11-20.
    /// H3: income 9,000 → 6,900 on 11-17. H4: income 9,000 → 6,000 on 11-17. H5: an ordinary household throughout.
    static func nights() -> [(date: String, households: [Household])] {
        var h1 = Household(id: EarlyWarningFixture.id(1), clueDate: "2026-11-01", clueOutcome: "pending")
        var h2 = Household(id: EarlyWarningFixture.id(2))
        h2.include(on: "2026-01-10")
        var h3 = Household(id: EarlyWarningFixture.id(3)), h4 = Household(id: EarlyWarningFixture.id(4))
        let h5 = Household(id: EarlyWarningFixture.id(5))
        var nights: [(String, [Household])] = [("2026-11-01", [h1, h2, h3, h4, h5])]
        h2.eliminate(on: "2026-11-05")
        nights.append(("2026-11-05", [h1, h2, h3, h4, h5]))
        h3.income = "6900.00"
        h4.income = "6000.00"
        nights.append(("2026-11-17", [h1, h2, h3, h4, h5]))
        h1.include(on: "2026-11-18")
        nights.append(("2026-11-18", [h1, h2, h3, h4, h5]))
        h2.waterSafe = "0"
        nights.append(("2026-11-20", [h1, h2, h3, h4, h5]))
        return nights
    }

    @Test func theScriptedNightsGiveTheIssuesResults() throws {
        let fixture = try EarlyWarningFixture()
        var outs: [String: String] = [:]
        for night in Self.nights() { outs[night.date] = try fixture.run(night.date, night.households) }
        let county = EarlyWarningFixture.county

        // The first night has no past: flows are empty, not zero, and run.json says why.
        #expect(try county(outs["2026-11-01"]!, "night_new_inclusions") == ["", "", ""])
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: outs["2026-11-01"]! + "/run.json"))) as? [String: Any]
        let warning = manifest?["early_warning"] as? [String: Any]
        #expect((warning?["note"] as? String)?.contains("first night") == true)
        #expect(try county(outs["2026-11-05"]!, "night_new_eliminations") == ["1", "", "1"])

        // 11-17: the 11-01 clue is still pending after 16 days: overdue, in the 16–30 band, alerted and listed.
        let n17 = outs["2026-11-17"]!
        #expect(try county(n17, "pending_clues_by_age.16_30") == ["1", "", "1"])
        #expect(try county(n17, "overdue_clues") == ["1", "", "1"])
        let overdue = try EarlyWarningFixture.alerts(n17).filter { $0[2] == "overdue_clues" }
        #expect(overdue.count == 1 && overdue.first?[3] == "1")
        #expect(overdue.first?[5].contains("the longest 16 days") == true)
        #expect(try EarlyWarningFixture.list(n17, "overdue_clues").map { $0[4] } == [EarlyWarningFixture.id(1)])
        // Income 9,000 → 6,900 (−23.3 %) is not a fall; 9,000 → 6,000 is.
        #expect(try county(n17, "night_income_falls") == ["1", "", "1"])
        #expect(try EarlyWarningFixture.list(n17, "income_falls").map { $0[4] } == [EarlyWarningFixture.id(4)])

        // 11-18: included 17 days after its clue — it fails the 15-day test.
        let n18 = outs["2026-11-18"]!
        #expect(try county(n18, "inclusion_within_15d_rate") == ["0", "1", "0.0000"])
        #expect(try county(n18, "night_new_inclusions") == ["1", "", "1"])

        // 11-20: the household eliminated on 11-05 shows unsafe water: one return, alerted and listed.
        let n20 = outs["2026-11-20"]!
        #expect(try county(n20, "night_returns") == ["1", "", "1"])
        let returns = try EarlyWarningFixture.alerts(n20).filter { $0[2] == "return" }
        #expect(returns.map { $0[3] } == ["1"])
        let listed = try EarlyWarningFixture.list(n20, "returns")
        #expect(listed.map { $0[4] } == [EarlyWarningFixture.id(2)])
        #expect(listed.first?.last?.contains("饮水不安全") == true)
        // No night before had a return.
        for date in ["2026-11-05", "2026-11-17", "2026-11-18"] {
            #expect(try county(outs[date]!, "night_returns") == ["0", "", "0"])
        }
    }

    @Test func reruningANightOrRunningNightsOutOfOrderLeavesTheSameHistory() throws {
        let inOrder = try EarlyWarningFixture()
        let nights = Self.nights()
        for night in nights { try inOrder.run(night.date, night.households) }
        let shuffled = try EarlyWarningFixture(key: inOrder.key)
        for index in [0, 2, 4, 1, 3, 3, 4, 0] { try shuffled.run(nights[index].date, nights[index].households) }
        let expected = try inOrder.history()
        #expect(expected.count > 5)
        #expect(try shuffled.history() == expected)
        // The current state kept for the next night is that of the latest night in both.
        let current = { (path: String) in
            try DatabaseQueue(path: path).read { db in try Row.fetchOne(db, sql: "SELECT run_date, records FROM household_current") }
        }
        #expect(try current(inOrder.warehouse) == current(shuffled.warehouse))
    }

    /// The nights' comparison runs in pieces of the hash range, one per thread: 1 and 3 threads give the same
    /// history, current state and outputs.
    @Test func theHistoryDoesNotDependOnTheNumberOfThreads() throws {
        let one = try EarlyWarningFixture()
        let three = try EarlyWarningFixture(key: one.key)
        for night in Self.nights() {
            let outOne = try one.run(night.date, night.households, threads: 1)
            let outThree = try three.run(night.date, night.households, threads: 3)
            for file in ["indicators.csv", "alerts.csv"] {
                #expect(try String(contentsOfFile: outOne + "/" + file, encoding: .utf8)
                    == String(contentsOfFile: outThree + "/" + file, encoding: .utf8), "\(night.date) \(file)")
            }
            for list in ["returns", "overdue_clues", "income_falls"] {
                #expect(try EarlyWarningFixture.list(outOne, list) == EarlyWarningFixture.list(outThree, list))
            }
        }
        #expect(try one.history().count > 5)
        #expect(try one.history() == three.history())
    }

    @Test func weeklyInclusionsSurgeOnlyInTheLastWeek() throws {
        let fixture = try EarlyWarningFixture()
        var households = (1...40).map { Household(id: EarlyWarningFixture.id($0)) }
        let weekly = [2, 2, 3, 2, 2, 3, 2, 2, 9]
        var next = 0
        var day = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                 year: 2026, month: 8, day: 25).date!
        func text(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: date)
        }
        try fixture.run(text(day), households)
        for (week, count) in weekly.enumerated() {
            day = day.addingTimeInterval(7 * 86_400)
            for _ in 0..<count {
                households[next].include(on: text(day))
                next += 1
            }
            let out = try fixture.run(text(day), households)
            #expect(try EarlyWarningFixture.county(out, "night_new_inclusions")[0] == String(count))
            let surges = try EarlyWarningFixture.alerts(out).filter { $0[2] == "inclusion_surge" }
            if week == weekly.count - 1 {
                #expect(surges.count == 1)
                #expect(surges.first.map { [$0[0], $0[3], $0[4]] } == ["520102", "9", "4"])
                #expect(surges.first?[5].contains("8 earlier 7-day windows") == true)
            } else {
                #expect(surges.isEmpty, "week \(week + 1): \(surges)")
            }
        }
        // The warehouse and `alerts` show the same alert.
        let shown = try BottomlineProcess.run(["alerts", "--warehouse", fixture.warehouse, "--csv"])
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("520102,南明区,inclusion_surge,9,4,"))
        let diff = try BottomlineProcess.run(["diff", "--warehouse", fixture.warehouse, "--from", "2026-10-20",
                                              "--to", "2026-10-27"])
        #expect(diff.status == 0, "\(diff.standardError)")
        #expect(diff.standardOutput.contains("Alerts on 2026-10-27"))
        #expect(diff.standardOutput.split(separator: "\n").contains { $0.contains("inclusion_surge") && $0.contains("new") })
    }
}
