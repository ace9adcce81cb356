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
        try Self.writeCounties(inputs.clues.households, into: clueFolder, inputs: inputs, options: options,
                               format: HouseholdListCSV(signals: inputs.clues.signals, language: options.language))
    }

    /// Writes one file per county of `households` into `folder`, by village then household ID,
    /// `options.threads` at a time, and removes the files of counties without households; the
    /// first failure in county order is thrown.
    static func writeCounties(_ households: [ClueHousehold], into folder: URL, inputs: ReportInputs,
                              options: ReportOptions, format: HouseholdListCSV) throws {
        let households = HouseholdListCSV.ordered(households)
        let counties = HouseholdListCSV.counties(households)
        try removeStale(in: folder, keeping: Set(counties.map(\.code)), suffix: ".csv")
        var countyNames: [String: String] = [:]
        for area in inputs.table.areas where area.level == .county { countyNames[area.code] = area.name }
        let failures = parallelMap(count: counties.count, workers: options.threads) { i -> (any Error)? in
            let county = counties[i]
            do {
                let bytes = format.bytes(households[county.rows], county: county.code,
                                         countyName: countyNames[county.code] ?? "")
                try OutputFile.writePrivate(try SpreadsheetBytes.encode(bytes, options.spreadsheetEncoding),
                                            to: folder.appendingPathComponent(county.code + ".csv"))
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
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
