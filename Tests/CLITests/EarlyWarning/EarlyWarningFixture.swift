import Foundation
import GRDB
import Ingest
import Testing
import TestSupport

/// A one-county province whose households change night by night, written as
/// real feed folders and run through the real binary against one warehouse.
struct EarlyWarningFixture {
    /// One household on one night.
    struct Household {
        var id: String
        var category = "ordinary"
        var monitoringType = ""
        var riskStatus = ""
        var riskTypes = ""
        var clueDate = ""
        var clueOutcome = ""
        var inclusionDate = ""
        var eliminationDate = ""
        var income = "9000.00"
        var waterSafe = "1"

        /// Its head's resident ID (one member per household).
        var head: String { ResidentIDMaker.make(address: "520102", birth: "19800115", sequence: Int(id.suffix(3)) ?? 0) }

        /// Monitored and at risk, included on `date`.
        mutating func include(on date: String) {
            category = "monitored"
            monitoringType = "marginal"
            riskStatus = "not_eliminated"
            riskTypes = "illness"
            inclusionDate = date
            if !clueDate.isEmpty { clueOutcome = "included" }
        }

        mutating func eliminate(on date: String) {
            riskStatus = "eliminated"
            eliminationDate = date
        }
    }

    static let village = "520102001001"

    static func id(_ sequence: Int) -> String { village + String(format: "%04d", sequence) }

    let folder: TemporaryFolder
    let warehouse: String
    let key: String

    init(key: String? = nil) throws {
        folder = try TemporaryFolder()
        warehouse = folder.file("warehouse.sqlite")
        self.key = key ?? folder.file("household.key")
    }

    /// Writes the night's feeds and runs it; returns the output folder.
    @discardableResult
    func run(_ date: String, _ households: [Household], warehouse: String? = nil, threads: Int? = nil) throws -> String {
        var feeds = FeedFolderWriter()
        feeds[.regions] = ["520100,贵阳市,520102,南明区,1"]
        feeds[.villages] = ["\(Self.village),花果园村,520102001,花果园街道,520102"]
        feeds[.households] = households.map { h in
            [h.id, Self.village, h.category, h.monitoringType, h.riskStatus, h.riskTypes, h.clueDate, h.clueOutcome,
             h.inclusionDate, h.eliminationDate, "0", "", h.income, "", h.category == "monitored" ? "industry" : ""]
                .joined(separator: ",")
        }
        feeds[.persons] = households.map { "\($0.head),\($0.id),head,full," }
        feeds[.education] = households.map { "\($0.head),higher,enrolled" }
        feeds[.medicalInsurance] = households.map { "\($0.head),2026,1" }
        feeds[.housing] = households.map { "\($0.id),A,0" }
        feeds[.water] = households.map { "\($0.id),1,\($0.waterSafe)" }
        feeds[.employment] = households.map { "\($0.head),employed,county,0,12,3000.00,1" }
        // A support that ended long before the nights: real rows, which no night's figure or signal counts.
        feeds[.socialAssistance] = households.map { "\($0.head),temporary,2025-01-10,2025-03-10" }
        let data = folder.file("data-" + date), out = folder.file("out-" + date)
        try? FileManager.default.removeItem(atPath: data)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try feeds.write(toPath: data)
        let result = try BottomlineProcess.run(
            ["run", "--data", data, "--date", date, "--out", out, "--warehouse", warehouse ?? self.warehouse]
                + (threads.map { ["--threads", String($0)] } ?? []),
            environment: ["BOTTOMLINE_HOUSEHOLD_KEY": key])
        #expect(result.status == 0, "\(date): \(result.standardError)")
        return out
    }

    /// The county's row of `indicator` in a night's indicators.csv: (numerator, denominator, value).
    static func county(_ out: String, _ indicator: String) throws -> [String] {
        let rows = CSVRecords.parse(try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8))
        let row = try #require(rows.first { $0.count == 7 && $0[0] == "county" && $0[3] == indicator })
        return Array(row[4...6])
    }

    /// alerts.csv of a night, without its header.
    static func alerts(_ out: String) throws -> [[String]] {
        Array(CSVRecords.parse(try String(contentsOfFile: out + "/alerts.csv", encoding: .utf8)).dropFirst())
    }

    /// A restricted list's rows for the county (header dropped), empty when the county has no file.
    static func list(_ out: String, _ id: String) throws -> [[String]] {
        let path = out + "/lists/\(id)/520102.csv"
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return Array(CSVRecords.parse(text).dropFirst())
    }

    /// Every row of the household history, as text, sorted.
    func history(_ path: String? = nil) throws -> [String] {
        try DatabaseQueue(path: path ?? warehouse).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM household_history ORDER BY household, valid_from").map { row in
                row.columnNames.map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|")
            }
        }
    }
}
