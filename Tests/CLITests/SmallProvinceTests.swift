import Foundation
import GRDB
import Testing
import TestSupport

/// Generated provinces run end to end through the real binary: a small
/// province, and one where most villages' persons are missing (households
/// without members). Neither may crash, every run ends `succeeded` in the
/// warehouse, and the province's persons and households equal the rows
/// accepted from persons.csv and households.csv (a roll-up dropping a
/// village, the last one say, shows here).
@Suite(.serialized) struct SmallProvinceTests {
    struct Night {
        let status: Int32
        let standardError: String
        let indicators: [[String]]
        let accepted: [String: Int]
        let runStatuses: [String]
        /// Rows of persons.csv that are not members (deceased, military, prison): in no indicator.
        var nonMembers = 0
    }

    /// `generate` then `run` with a warehouse; `edit` may change the feeds in between.
    static func night(persons: Int, edit: (URL) throws -> Void = { _ in }) throws -> Night {
        let folder = try TemporaryFolder()
        let data = URL(fileURLWithPath: folder.file("data")), out = folder.file("out"), warehouse = folder.file("w.sqlite")
        let generated = try BottomlineProcess.run(["generate", "--persons", String(persons), "--seed", "15", "--out", data.path])
        #expect(generated.status == 0, "\(generated.standardError)")
        try edit(data)
        let persons = try rows(data, "persons")
        let statusColumn = try #require(persons.first?.firstIndex(of: "status"))
        let nonMembers = persons.dropFirst().filter { !["", "resident"].contains($0[statusColumn]) }.count
        let run = try BottomlineProcess.run(["run", "--data", data.path, "--date", "2026-11-28", "--out", out,
                                             "--warehouse", warehouse, "--threads", "2"])
        let statuses = try DatabaseQueue(path: warehouse).read { db in try String.fetchAll(db, sql: "SELECT status FROM runs") }
        guard run.status == 0 else {
            return Night(status: run.status, standardError: run.standardError, indicators: [], accepted: [:], runStatuses: statuses)
        }
        let indicators = CSVRecords.parse(try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as? [String: Any]
        var accepted: [String: Int] = [:]
        for input in manifest?["inputs"] as? [[String: Any]] ?? [] {
            if let feed = input["feed"] as? String, let rows = input["rows_accepted"] as? Int { accepted[feed] = rows }
        }
        return Night(status: run.status, standardError: run.standardError, indicators: indicators, accepted: accepted,
                     runStatuses: statuses, nonMembers: nonMembers)
    }

    /// The numerator of `indicator` at every area of `level`, by code.
    static func figures(_ night: Night, level: String, indicator: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for row in night.indicators where row.count == 7 && row[0] == level && row[3] == indicator {
            result[row[1]] = Int(row[4])
        }
        return result
    }

    static func expectRollUp(_ night: Night) {
        for (indicator, feed, notCounted) in [("persons", "persons", night.nonMembers), ("households", "households", 0)] {
            let expected = night.accepted[feed].map { $0 - notCounted }
            let province = figures(night, level: "province", indicator: indicator)
            #expect(province.count == 1)
            #expect(province.values.first == expected, "\(indicator): province vs accepted member rows of \(feed).csv")
            for level in ["prefecture", "county", "township", "village"] {
                let sum = figures(night, level: level, indicator: indicator).values.reduce(0, +)
                #expect(sum == expected, "\(indicator): the \(level)s add up to \(sum)")
            }
        }
    }

    @Test func aSmallProvinceRunsAndAddsUp() throws {
        let night = try Self.night(persons: 1_000)
        #expect(night.status == 0, "\(night.standardError)")
        #expect(night.runStatuses == ["succeeded"])
        Self.expectRollUp(night)
    }

    @Test func householdsWithoutMembersInMostVillagesRunAndAddUp() throws {
        var removedPersons = 0
        let night = try Self.night(persons: 5_000) { data in
            removedPersons = try Self.removePersons(ofVillageShare: 0.6, in: data)
        }
        #expect(removedPersons > 1_000)
        #expect(night.status == 0, "\(night.standardError)")
        #expect(night.runStatuses == ["succeeded"])
        #expect(night.accepted["persons"].map { $0 < 5_000 - 1_000 } == true)
        Self.expectRollUp(night)
    }

    /// Removes the persons (and their sector rows) of the first `share` of villages; returns how many persons went.
    static func removePersons(ofVillageShare share: Double, in data: URL) throws -> Int {
        let villages = try rows(data, "villages").dropFirst().map { $0[0] }.sorted()
        let dropped = Set(villages.prefix(Int(Double(villages.count) * share)))
        let persons = try rows(data, "persons")
        let householdColumn = try #require(persons.first?.firstIndex(of: "household_id"))
        var removed = Set<String>()
        let kept = persons.enumerated().filter { index, row in
            guard index > 0 else { return true }
            if dropped.contains(String(row[householdColumn].prefix(12))) { removed.insert(row[0]); return false }
            return true
        }.map(\.element)
        try write(kept, data, "persons")
        let feeds = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasSuffix(".csv") && $0 != "persons.csv" }
        for feed in feeds.map({ String($0.dropLast(4)) }) {
            let table = try rows(data, feed)
            guard let column = table.first?.firstIndex(of: "person_id") else { continue }
            try write(table.enumerated().filter { $0.offset == 0 || !removed.contains($0.element[column]) }.map(\.element), data, feed)
        }
        return removed.count
    }

    static func rows(_ data: URL, _ feed: String) throws -> [[String]] {
        CSVRecords.parse(try String(contentsOf: data.appendingPathComponent(feed + ".csv"), encoding: .utf8))
    }

    static func write(_ rows: [[String]], _ data: URL, _ feed: String) throws {
        let text = rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(to: data.appendingPathComponent(feed + ".csv"), atomically: true, encoding: .utf8)
    }
}
