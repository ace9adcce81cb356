import Engine
import Foundation
import Ingest

/// `clues/<county_code>.csv`: for each county with clue households, the
/// households it must check, by village then household ID, with the head's
/// resident ID masked and one 0/1 column per signal.
///
/// RESTRICTED personal data: the folder is created with mode 0700 and each
/// file with 0600, whatever the umask; lists of counties that no longer have
/// clue households are removed, so the folder holds tonight's lists only.
public struct ClueListFiles: MeetingOutput {
    public let path = "clues"

    public init() {}

    public func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws {
        let clueFolder = folder.appendingPathComponent(path, isDirectory: true)
        try OutputFile.makePrivateFolder(clueFolder)
        let byCounty = Dictionary(grouping: inputs.clues.households, by: \.countyCode)
        try Self.removeStale(in: clueFolder, keeping: Set(byCounty.keys), suffix: ".csv")
        var countyNames: [String: String] = [:]
        for area in inputs.table.areas where area.level == .county { countyNames[area.code] = area.name }
        try Self.writeCounties(byCounty, threads: options.threads) { county, households in
            let text = Self.text(households, countyName: countyNames[county] ?? "", signals: inputs.clues.signals,
                                 options.language)
            try OutputFile.writePrivate(try SpreadsheetBytes.encode(text, options.spreadsheetEncoding),
                                        to: clueFolder.appendingPathComponent(county + ".csv"))
        }
    }

    /// Runs `write` for every county, `threads` at a time; the first failure in county order is thrown.
    static func writeCounties(_ byCounty: [String: [ClueHousehold]], threads: Int,
                              _ write: (String, [ClueHousehold]) throws -> Void) throws {
        let counties = byCounty.keys.sorted()
        let failures = parallelMap(count: counties.count, workers: threads) { i -> (any Error)? in
            do {
                try write(counties[i], byCounty[counties[i]] ?? [])
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// One county's list as text (before encoding).
    static func text(_ households: [ClueHousehold], countyName: String, signals: [ClueSignal],
                     _ language: ReportLanguage, reasonsHeader: String? = nil) -> String {
        let header = [
            language.pick("县代码", "county_code"), language.pick("县名称", "county_name"),
            language.pick("村代码", "village_code"), language.pick("村名称", "village_name"),
            language.pick("户编号", "household_id"), language.pick("户主身份证号（脱敏）", "head_id_masked"),
        ] + signals.map { language.pick($0.labelZH, $0.labelEN) } + [reasonsHeader ?? language.pick("触发信号", "signals")]
        var out = CSVText.line(header.map(CSVText.feedText))
        let labels = Dictionary(signals.map { ($0.id, language.pick($0.labelZH, $0.labelEN)) },
                                uniquingKeysWith: { first, _ in first })
        let sorted = households.sorted {
            ($0.villageCode, $0.householdID) < ($1.villageCode, $1.householdID)
        }
        for household in sorted {
            let fired = household.signals
            var fields = [household.countyCode, CSVText.feedText(countyName), household.villageCode,
                          CSVText.feedText(household.villageName), household.householdID,
                          household.headResidentID.map(IDMask.masked) ?? ""]
            fields += signals.map { fired.contains($0.id) ? "1" : "0" }
            let names = household.signals.map { labels[$0] ?? $0 }
            fields.append(CSVText.feedText(names.joined(separator: language.pick("、", "; "))))
            out += CSVText.line(fields)
        }
        return out
    }

    /// Removes entries `<name><suffix>` of `folder` whose name is not in `keeping`:
    /// county lists (`<code>.csv`, digits only) with no households tonight, or
    /// list folders (suffix "", ASCII letters, digits, '_') no longer in the pipeline.
    static func removeStale(in folder: URL, keeping names: Set<String>, suffix: String) throws {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in entries where name.hasSuffix(suffix) {
            let stem = String(name.dropLast(suffix.count))
            let ours = suffix.isEmpty
                ? stem.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                : stem.allSatisfy { $0.isASCII && $0.isNumber }
            guard !names.contains(stem), ours, !stem.isEmpty else { continue }
            do {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            } catch {
                throw ReportError.cannotWrite(path: folder.appendingPathComponent(name).path,
                                              reason: SystemErrorText.describe(error))
            }
        }
    }
}
