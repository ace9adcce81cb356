import Foundation
import Ingest

/// The next night of a province (`generate --evolve`): the previous night's
/// feeds with about `share` of the households changed the way a roster
/// changes from one night to the next, every row still valid:
/// a household without a clue gets one (pending, dated tonight); a pending
/// clue is included (monitored, marginal, at risk, tonight); an at-risk
/// household is eliminated tonight; any other household's income falls by a
/// third. Which households change depends only on their ID and the date, so
/// the same inputs always give the same bytes. Other feeds are copied.
public enum ProvinceEvolution {
    public struct Summary: Sendable {
        public var households = 0
        public var changed = 0
        public var byChange: [String: Int] = [:]
        public var seconds = 0.0
    }

    /// Writes the night after the folder `previous` into `folder` (staged, then put in place), dated `date`.
    public static func evolve(previous: String, into folder: String, date: Int32, share: Double = 0.01) throws -> Summary {
        try SyntheticProvince.staged(into: folder) { staging in
            let start = Date()
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for feed in Feed.allCases where feed != .households {
                let from = (previous as NSString).appendingPathComponent(feed.fileName)
                let to = (staging as NSString).appendingPathComponent(feed.fileName)
                do {
                    try FileManager.default.copyItem(atPath: from, toPath: to)
                } catch {
                    throw SynthError.cannotWrite(path: to, reason: SystemErrorText.describe(error))
                }
            }
            let path = (previous as NSString).appendingPathComponent(Feed.households.fileName)
            guard let input = FileManager.default.contents(atPath: path) else {
                throw SynthError.cannotWrite(path: path, reason: "cannot read the previous night's households.csv")
            }
            var summary = Summary()
            let output = try HouseholdChanges(date: date, share: share).apply([UInt8](input), &summary)
            let target = (staging as NSString).appendingPathComponent(Feed.households.fileName)
            guard FileManager.default.createFile(atPath: target, contents: Data(output)) else {
                throw SynthError.cannotWrite(path: target, reason: "cannot create the file")
            }
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
    }
}

/// The changes to households.csv, line by line on bytes.
struct HouseholdChanges {
    let date: Int32
    let share: Double

    /// Positions of the columns it touches, from the header.
    struct Columns {
        var id = 0, category = 0, monitoringType = 0, riskStatus = 0, riskTypes = 0, clueDate = 0, clueOutcome = 0
        var inclusionDate = 0, eliminationDate = 0, income = 0
    }

    func apply(_ bytes: [UInt8], _ summary: inout Summary) throws -> [UInt8] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { return bytes }
        let names = String(decoding: header, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ",").map { String($0).replacingOccurrences(of: "\u{FEFF}", with: "") }
        func index(_ name: String) throws -> Int {
            guard let i = names.firstIndex(of: name) else {
                throw SynthError.cannotWrite(path: "households.csv", reason: "no column \(name) in the previous night")
            }
            return i
        }
        let columns = Columns(
            id: try index("household_id"), category: try index("category"), monitoringType: try index("monitoring_type"),
            riskStatus: try index("risk_status"), riskTypes: try index("risk_types"), clueDate: try index("clue_date"),
            clueOutcome: try index("clue_outcome"), inclusionDate: try index("inclusion_date"),
            eliminationDate: try index("elimination_date"), income: try index("income_per_capita"))
        let threshold = UInt64(share * 1_000_000)
        let today = DayNumber.format(date)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 50)
        out += header
        out.append(UInt8(ascii: "\n"))
        for line in lines.dropFirst() {
            summary.households += 1
            // Unquoted rows only (the generator writes none quoted); the selection is by ID and date.
            guard !line.contains(UInt8(ascii: "\"")), Self.mix(line.prefix(16), date) % 1_000_000 < threshold else {
                out += line
                out.append(UInt8(ascii: "\n"))
                continue
            }
            var fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            let change = Self.change(&fields, columns, today)
            summary.changed += 1
            summary.byChange[change, default: 0] += 1
            out += Array(fields.joined(separator: ",").utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// One household's change; returns its name.
    static func change(_ fields: inout [String], _ c: Columns, _ today: String) -> String {
        let trimmed = fields[c.clueOutcome].trimmingCharacters(in: .whitespaces)
        let category = fields[c.category].trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty && category != "monitored" {
            fields[c.clueDate] = today
            fields[c.clueOutcome] = "pending"
            return "new_clue"
        }
        if trimmed == "pending" {
            fields[c.category] = "monitored"
            fields[c.monitoringType] = "marginal"
            fields[c.riskStatus] = "not_eliminated"
            fields[c.riskTypes] = "illness"
            fields[c.inclusionDate] = today
            fields[c.eliminationDate] = ""
            fields[c.clueOutcome] = "included"
            return "inclusion"
        }
        if category == "monitored" && fields[c.riskStatus].trimmingCharacters(in: .whitespaces) == "not_eliminated" {
            fields[c.riskStatus] = "eliminated"
            fields[c.eliminationDate] = today
            return "elimination"
        }
        let income = Double(fields[c.income].trimmingCharacters(in: .whitespaces)) ?? 0
        fields[c.income] = String(format: "%.2f", (income * 2 / 3 * 100).rounded(.down) / 100)
        return "income_fall"
    }

    /// A 64-bit mix of the ID's bytes and the date (FNV-1a, then a finaliser).
    static func mix(_ id: ArraySlice<UInt8>.SubSequence, _ date: Int32) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= UInt64(UInt32(bitPattern: date)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}

typealias Summary = ProvinceEvolution.Summary
