import Engine
import Foundation
import Ingest
#if canImport(Glibc)
import Glibc
#endif

/// The rows a partial keeps besides its figures: `quarantine.json` (this
/// shard's quarantined rows) and `restricted/households.json` (its clue and
/// compliance-list households, with masked resident IDs; mode 0600 in a 0700
/// folder, like the lists themselves).
enum PartialRecords {
    static let quarantineFile = "quarantine.json"
    static let restrictedFolder = "restricted"
    static let householdsFile = "restricted/households.json"
    /// The whole quarantined rows (full IDs), in the order of `quarantineFile`.
    static let quarantineRowsFile = "restricted/quarantine_rows.json"

    struct Quarantined: Codable {
        var feed: String
        var line: Int
        var reason: String
        var column: String
        var value: String
        var message: String
    }

    struct Signal: Codable {
        var id: String
        var labelZH: String
        var labelEN: String
        enum CodingKeys: String, CodingKey { case id, labelZH = "label_zh", labelEN = "label_en" }
    }

    struct Household: Codable {
        var householdID: String
        var villageCode: String
        var villageName: String
        var countyCode: String
        /// Masked: first 6 and last 4 characters.
        var headID: String?
        var signals: [String]
        enum CodingKeys: String, CodingKey {
            case signals, householdID = "household_id", villageCode = "village_code", villageName = "village_name"
            case countyCode = "county_code", headID = "head_id_masked"
        }
    }

    struct List: Codable {
        var id: String
        var labelZH: String
        var labelEN: String
        var indicator: String
        var selection: String
        var reasons: [Signal]
        var households: [Household]
        enum CodingKeys: String, CodingKey {
            case id, indicator, selection, reasons, households, labelZH = "label_zh", labelEN = "label_en"
        }
    }

    struct Households: Codable {
        var clueSignals: [Signal]
        var clues: [Household]
        var lists: [List]
        enum CodingKeys: String, CodingKey { case clues, lists, clueSignals = "clue_signals" }
    }

    // MARK: Writing

    static func write(quarantine: some Sequence<QuarantineRecord>, clues: ClueList, lists: [HouseholdList], to folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let rows = quarantine.map {
            Quarantined(feed: $0.feed.rawValue, line: $0.line, reason: $0.reason.rawValue, column: $0.column,
                        value: $0.value, message: $0.message)
        }
        try encoder.encode(rows).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(quarantineFile)))
        let restricted = (folder as NSString).appendingPathComponent(restrictedFolder)
        try FileManager.default.createDirectory(atPath: restricted, withIntermediateDirectories: true)
        guard chmod(restricted, 0o700) == 0 else { throw NightFailure(.outputFailed, "error: cannot restrict \(restricted)") }
        let households = Households(
            clueSignals: clues.signals.map(signal), clues: clues.households.map(household),
            lists: lists.map {
                List(id: $0.id, labelZH: $0.labelZH, labelEN: $0.labelEN, indicator: $0.indicator,
                     selection: $0.selection.rawValue, reasons: $0.reasons.map(signal),
                     households: $0.households.map(household))
            })
        try writePrivate(encoder.encode(households), (folder as NSString).appendingPathComponent(householdsFile))
        try writePrivate(encoder.encode(quarantine.map(\.row)),
                         (folder as NSString).appendingPathComponent(quarantineRowsFile))
    }

    /// Writes `data` to `path`, created with mode 0600.
    private static func writePrivate(_ data: Data, _ path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              chmod(path, 0o600) == 0 else {
            throw NightFailure(.outputFailed, "error: cannot create \(path)")
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    private static func signal(_ signal: ClueSignal) -> Signal {
        Signal(id: signal.id, labelZH: signal.labelZH, labelEN: signal.labelEN)
    }

    private static func household(_ household: ClueHousehold) -> Household {
        Household(householdID: household.householdID, villageCode: household.villageCode, villageName: household.villageName,
                  countyCode: household.countyCode, headID: household.headResidentID.map(masked), signals: household.signals)
    }

    /// A resident ID with only its first 6 and last 4 characters shown.
    static func masked(_ id: String) -> String {
        guard id.count >= 10 else { return String(repeating: "*", count: id.count) }
        return String(id.prefix(6)) + String(repeating: "*", count: id.count - 10) + String(id.suffix(4))
    }

    // MARK: Reading

    static func readQuarantine(folder: String) throws -> [QuarantineRecord] {
        let path = (folder as NSString).appendingPathComponent(quarantineFile)
        let rows = try decode([Quarantined].self, path)
        let wholeRows = (try? decode([String].self, (folder as NSString).appendingPathComponent(quarantineRowsFile))) ?? []
        return try rows.enumerated().map { index, row in
            guard let feed = Feed(rawValue: row.feed), let reason = QuarantineReason(rawValue: row.reason) else {
                throw NightFailure(.feedUnreadable, "error: \(path) names feed \(row.feed) or reason \(row.reason), "
                                   + "which this bottomline does not know")
            }
            return QuarantineRecord(feed: feed, line: row.line, reason: reason, column: row.column, value: row.value,
                                    message: row.message, row: index < wholeRows.count ? wholeRows[index] : "")
        }
    }

    static func readHouseholds(folder: String) throws -> Households {
        try decode(Households.self, (folder as NSString).appendingPathComponent(householdsFile))
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NightFailure(.feedUnreadable, "error: cannot read \(path); the partial is incomplete: run its shard again")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw NightFailure(.feedUnreadable, "error: \(path) is damaged (\(error)); run its shard again")
        }
    }

    static func clue(_ household: Household) -> ClueHousehold {
        ClueHousehold(householdID: household.householdID, villageCode: household.villageCode,
                      villageName: household.villageName, countyCode: household.countyCode,
                      headResidentID: household.headID, signals: household.signals)
    }

    static func clueSignal(_ signal: Signal) -> ClueSignal {
        ClueSignal(id: signal.id, labelZH: signal.labelZH, labelEN: signal.labelEN)
    }
}
