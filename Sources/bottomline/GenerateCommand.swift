import ArgumentParser
import Foundation
import Ingest
import Synth

/// `bottomline generate`: writes a deterministic synthetic province.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic Guizhou province (or several provinces with --provinces): the ten feeds of the contract (version 2), byte for byte the same for the same seed.",
        discussion: """
            Counties and prefectures are the real 88 of Guizhou (with --provinces, the real ones of each \
            province named, from reference/gbt2260/); villages, households and persons are synthetic. \
            With --dirty, deliberately bad rows of every quarantine reason are appended and dirty_manifest.csv \
            lists how many rows of each feed the pipeline must quarantine, and why.
            """)

    @Option(help: "Persons on the rosters (the real province has about 17 million).")
    var persons: Int

    @Option(help: "Seed of the random streams.")
    var seed: UInt64 = SynthOptions.defaultSeed

    @Option(help: "Folder to write the feeds into (created if missing; files in it are replaced).")
    var out: String

    @Flag(help: "Append deliberately bad rows and write dirty_manifest.csv.")
    var dirty = false

    @Option(help: "Encoding of the files: utf8 or gb18030.")
    var encoding = "utf8"

    @Option(help: "Provinces to generate, by 2-digit GB/T 2260 code, comma-separated (default 52, Guizhou): their real counties (reference/gbt2260/).")
    var provinces = "52"

    @Option(help: "Reference date YYYY-MM-DD: ages and the insurance year follow it.")
    var date = DayNumber.format(SynthOptions.defaultReferenceDate)

    func validate() throws {
        guard FeedEncoding(rawValue: encoding) != nil else {
            throw ValidationError("--encoding \(encoding): expected utf8 or gb18030.")
        }
        guard DayNumber.parse(date) != nil else {
            throw ValidationError("--date \(date): expected a real date YYYY-MM-DD, for example 2026-11-28.")
        }
        let codes = provinces.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty, codes.allSatisfy({ $0.count == 2 && Int($0) != nil }) else {
            throw ValidationError("--provinces \(provinces): expected 2-digit province codes separated by commas, for example 52,53.")
        }
        guard SynthOptions.personsRange.contains(persons) else {
            throw ValidationError("--persons \(persons): expected \(SynthOptions.personsRange.lowerBound) to \(SynthOptions.personsRange.upperBound).")
        }
    }

    func run() throws {
        var options = SynthOptions(persons: persons, seed: seed, referenceDate: DayNumber.parse(date) ?? SynthOptions.defaultReferenceDate,
                                   dirty: dirty, encoding: FeedEncoding(rawValue: encoding) ?? .utf8)
        options.provinces = provinces.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let progress = TerminalProgress()
        let persons = self.persons
        let summary = try SyntheticProvince.generateStaged(into: out, options: options) { event in
            switch event {
            case .stage(let text):
                Self.log("generate \(text)")
            case .counties(let done, let total):
                progress.update("generate counties", done: done, total: total,
                                rows: persons * done / max(total, 1), bytes: nil)
            }
        }
        let bytes = summary.fileSizes.values.reduce(0, +)
        let rate = summary.seconds > 0 ? Double(persons) / summary.seconds : 0
        Self.log("generate wrote \(out): \(summary.cleanRows[.persons] ?? 0) persons, \(summary.cleanRows[.households] ?? 0) households, "
            + "\(summary.cleanRows[.villages] ?? 0) villages (\(summary.emptyVillages.count) without households), " + String(format: "%.1f MB in %.2f s (%.0f persons/s)", Double(bytes) / 1e6, summary.seconds, rate))
        // The deliberately bad rows are the command's result: one line each on standard output.
        for row in summary.dirtyRows {
            print("\(row.feed.fileName):\(row.line): \(row.reason.rawValue): \(row.note)")
        }
    }

    private static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
