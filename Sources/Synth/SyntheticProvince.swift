import Foundation
import Ingest

/// Settings of one synthetic province.
public struct SynthOptions: Sendable {
    public static let defaultSeed: UInt64 = 20_261_129
    /// 2026-11-28.
    public static let defaultReferenceDate: Int32 = DayNumber.from(year: 2026, month: 11, day: 28) ?? 0
    public static let personsRange = 1_000...100_000_000

    /// Persons on the rosters (exactly this many clean `persons.csv` rows).
    public var persons: Int
    public var seed: UInt64
    /// The reference date (day number): ages, dates and the insurance year follow it.
    public var referenceDate: Int32
    /// Append deliberately bad rows and write `dirty_manifest.csv`.
    public var dirty: Bool
    public var encoding: FeedEncoding
    /// Threads used; the files do not depend on it.
    public var threads: Int
    /// The provinces generated, by 2-digit GB/T 2260 code (Guizhou, 52, by default).
    public var provinces: [String] = ["52"]

    public init(persons: Int, seed: UInt64 = defaultSeed, referenceDate: Int32 = defaultReferenceDate,
                dirty: Bool = false, encoding: FeedEncoding = .utf8,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.persons = persons
        self.seed = seed
        self.referenceDate = referenceDate
        self.dirty = dirty
        self.encoding = encoding
        self.threads = threads
    }
}

/// What was written.
public struct SynthSummary: Sendable {
    /// Clean rows per feed (deliberately bad rows not counted).
    public let cleanRows: [Feed: Int]
    /// The deliberately bad rows, with their lines, in file order (empty without `dirty`).
    public let dirtyRows: [DirtyRow]
    /// Codes of the villages without households.
    public let emptyVillages: [String]
    /// Bytes written per feed.
    public let fileSizes: [Feed: Int]
    public let seconds: Double
}

/// Progress of a generation, for the command line.
public enum SynthProgress: Sendable {
    /// A stage begins (one line each).
    case stage(String)
    /// Counties written so far.
    case counties(done: Int, total: Int)
}

/// The deterministic synthetic province: the ten feeds of the contract for
/// Guizhou's 88 real counties with synthetic villages, households and persons.
///
/// The same seed, persons and reference date give byte-identical files on
/// any machine and with any number of threads: each county draws from its own
/// random stream, counties are generated in parallel in batches and written
/// in county order.
public enum SyntheticProvince {
    /// Writes the feeds (and with `dirty`, the bad rows and `dirty_manifest.csv`) into `folder`.
    /// - Complexity: O(persons); memory holds one batch of counties at a time.
    @discardableResult
    public static func generate(into folder: String, options: SynthOptions,
                                progress: (@Sendable (SynthProgress) -> Void)? = nil) throws -> SynthSummary {
        guard options.persons >= SynthOptions.personsRange.lowerBound else { throw SynthError.tooFewPersons(options.persons) }
        guard options.persons <= SynthOptions.personsRange.upperBound else { throw SynthError.tooManyPersons(options.persons) }
        let started = Date()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SynthError.cannotCreateFolder(path: folder, reason: SystemErrorText.describe(error))
        }
        var writers: [Feed: FeedFileWriter] = [:]
        for feed in Feed.allCases {
            let writer = try FeedFileWriter(path: (folder as NSString).appendingPathComponent(feed.fileName), encoding: options.encoding)
            try writer.write(Vocabulary.header(feed))
            writers[feed] = writer
        }
        var cleanRows: [Feed: Int] = [:]
        let divisions = try ProvinceDivisions.counties(options.provinces)
        progress?(.stage("regions: \(divisions.count) counties"))
        let regions = regionRows(divisions)
        try writers[.regions]?.write(regions.bytes)
        cleanRows[.regions] = regions.rows

        let plan = ProvincePlan(persons: options.persons, seed: options.seed, divisions: divisions)
        progress?(.stage("counties: \(options.persons) persons in \(plan.counties.reduce(0) { $0 + $1.villages }) villages, \(options.threads) threads"))
        var keys = BorrowedKeys()
        let batchSize = max(1, options.threads) * 3
        var done = 0
        while done < plan.counties.count {
            let batch = Array(plan.counties[done..<min(done + batchSize, plan.counties.count)])
            let outputs = parallelMap(count: batch.count, workers: options.threads) { i in
                CountyGenerator.generate(batch[i], reference: options.referenceDate, seed: options.seed)
            }
            for output in outputs {
                for feed in Feed.allCases where feed != .regions {
                    let rows = output.rows(feed)
                    try writers[feed]?.write(rows.bytes)
                    cleanRows[feed, default: 0] += rows.rows
                }
                keys.collect(output)
            }
            done += batch.count
            progress?(.counties(done: done, total: plan.counties.count))
        }

        var dirtyRows: [DirtyRow] = []
        let manifestPath = (folder as NSString).appendingPathComponent(DirtyManifest.fileName)
        if !options.dirty { try? FileManager.default.removeItem(atPath: manifestPath) }
        if options.dirty {
            progress?(.stage("dirty rows and \(DirtyManifest.fileName)"))
            dirtyRows = DirtyRows(keys: keys, reference: options.referenceDate, county: divisions[0], other: divisions[1]).rows()
            var nextLine = cleanRows.mapValues { $0 + 2 }
            for i in dirtyRows.indices {
                let feed = dirtyRows[i].feed
                dirtyRows[i].line = nextLine[feed, default: 2]
                nextLine[feed, default: 2] += 1
                try writers[feed]?.write(dirtyRows[i])
            }
            guard FileManager.default.createFile(atPath: manifestPath, contents: Data(DirtyManifest.text(dirtyRows).utf8)) else {
                throw SynthError.cannotWrite(path: manifestPath, reason: "the file could not be created")
            }
        }
        return SynthSummary(cleanRows: cleanRows, dirtyRows: dirtyRows,
                            emptyVillages: keys.emptyVillages.map { CodeText.digits(Int64($0), width: 12) },
                            fileSizes: writers.mapValues(\.size), seconds: Date().timeIntervalSince(started))
    }

    /// `regions.csv`: the real counties and prefectures.
    private static func regionRows(_ divisions: [County]) -> RowBytes {
        var rows = RowBytes()
        for county in divisions {
            rows.appendDigits(county.prefectureCode, width: 6)
            rows.comma()
            rows.append(county.prefectureName)
            rows.comma()
            rows.appendDigits(county.code, width: 6)
            rows.comma()
            rows.append(county.name)
            rows.comma()
            rows.appendFlag(county.isKey)
            rows.endRow()
        }
        return rows
    }
}
