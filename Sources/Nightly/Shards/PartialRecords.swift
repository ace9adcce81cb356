import Engine
import Foundation
import Ingest
import Reports
#if canImport(Glibc)
import Glibc
#endif

/// The rows a partial keeps besides its figures: `quarantine.csv` (this
/// shard's quarantined rows, IDs masked, for people to read),
/// `restricted/quarantine.log` (the same records whole, for the merge) and
/// `restricted/households.json` (its clue and compliance-list households, with
/// masked resident IDs). Restricted files are mode 0600 in a 0700 folder, like
/// the lists themselves. Quarantined rows are streamed, never held in memory.
enum PartialRecords {
    static let quarantineFile = "quarantine.csv"
    static let restrictedFolder = "restricted"
    static let householdsFile = "restricted/households.json"
    /// The quarantined records whole (full rows and IDs), as the ingest logged them (`QuarantineLog`).
    static let quarantineLogFile = "restricted/quarantine.log"

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

    static func write(quarantine: QuarantineLog, clues: ClueList, lists: [HouseholdList], to folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try QuarantineCSV.write(quarantine, to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(quarantineFile)))
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
        try quarantine.save(to: (folder as NSString).appendingPathComponent(quarantineLogFile))
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

    /// The partial's quarantined records, read from its saved log as they are iterated.
    /// - Throws: when the log is missing, or holds fewer whole records than `expected` (from `partial.json`).
    static func readQuarantine(folder: String, expected: Int) throws -> QuarantineLog {
        let path = (folder as NSString).appendingPathComponent(quarantineLogFile)
        guard let log = QuarantineLog.saved(at: path) else {
            throw NightFailure(.feedUnreadable, "error: cannot read \(path); the partial is incomplete: run its shard again")
        }
        guard log.count == expected else {
            throw NightFailure(.feedUnreadable, "error: \(path) holds \(log.count) quarantined rows where partial.json "
                               + "says \(expected); the partial is damaged: run its shard again")
        }
        return log
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
