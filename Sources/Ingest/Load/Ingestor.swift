import Foundation

/// Settings of one ingest.
public struct IngestOptions: Sendable {
    /// The run's reference date (day number): no one may be born after it.
    public var referenceDate: Int32
    /// Encoding of each feed; feeds not listed are UTF-8.
    public var encodings: [Feed: FeedEncoding]
    /// Largest share of quarantined rows a feed may have and still pass.
    public var maxQuarantineShare: Double
    /// Threads for parsing.
    public var threads: Int
    /// Called after each feed with one line for the log.
    public var progress: (@Sendable (String) -> Void)?
    /// Called as a feed is read: the feed, bytes read so far, the feed's size and rows read so far.
    public var readProgress: (@Sendable (Feed, Int, Int, Int) -> Void)?
    /// Bytes per parallel parsing chunk (chunks are cut at line breaks; the
    /// result does not depend on it). Small values exercise chunk seams in tests.
    public var chunkBytes = 4 << 20
    /// A shard run's counties: only their rows are read (nil: every row).
    public var shard: ShardSelection?
    /// Feeds that may have a header and no data rows (others with no rows fail the run).
    public var feedsThatMayBeEmpty: Set<Feed> = []
    /// Whether a feed may be a symbolic link to a file outside the data folder.
    public var allowOutsideLinks = false
    /// The province's two-digit code: every county of `regions.csv` must start with it
    /// (nil: with the code of most counties).
    public var provinceCode: String?
    /// Further provinces (two digits) whose counties `regions.csv` may hold (`nation: provinces:`).
    public var nationProvinces: [String] = []

    public init(referenceDate: Int32, encodings: [Feed: FeedEncoding] = [:], maxQuarantineShare: Double = 0.05,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.referenceDate = referenceDate
        self.encodings = encodings
        self.maxQuarantineShare = maxQuarantineShare
        self.threads = threads
        self.progress = progress
    }
}

/// Every feed of a data folder, typed and checked.
public struct IngestResult: Sendable {
    public let tables: [Feed: FeedTable]
    /// Accounting per feed, in contract order.
    public let accounting: [FeedAccounting]
    /// Every quarantined row, by feed (contract order) then line, read back from disk.
    public let quarantine: QuarantineLog
    /// Size of each input file in bytes.
    public let fileSizes: [Feed: Int]
    /// What was read of each input file: size, SHA-256 of those bytes, identity.
    public let files: [Feed: FeedFileRead]
    /// Seconds spent per feed.
    public let seconds: [Feed: Double]
    public let maxQuarantineShare: Double
    /// In a shard run, the counties it computed (`regions.csv` is read whole).
    public let ownership: CountyOwnership?

    /// The table of a feed.
    public func table(_ feed: Feed) -> FeedTable { tables[feed]! }

    /// Feeds whose quarantined share is over the limit.
    public var failingFeeds: [FeedAccounting] { accounting.filter { !$0.passes(maximumShare: maxQuarantineShare) } }

    /// Whether every feed passes.
    public var passes: Bool { failingFeeds.isEmpty }
}

/// Loads the feeds of a data folder in contract order: each feed's
/// references are checked against the accepted rows of the feeds before it.
public enum Ingestor {
    /// Reads and checks every feed of `folder`.
    /// - Throws: `IngestError` when a feed is missing, not a regular file, empty, in
    ///   another encoding, lacks a required column or names one twice (checked for
    ///   every feed before any row is read), has no data rows, or when the registers
    ///   contradict each other.
    public static func load(folder: String, options: IngestOptions) throws -> IngestResult {
        let headerIdentities = try FeedHeader.checkColumns(folder: folder, encodings: options.encodings,
                                                           allowOutsideLinks: options.allowOutsideLinks)
        var tables: [Feed: FeedTable] = [:]
        var accounting: [FeedAccounting] = []
        let quarantine = try QuarantineLog()
        var keyIndexes: [KeySpace: KeyIndex] = [:]
        var sizes: [Feed: Int] = [:]
        var files: [Feed: FeedFileRead] = [:]
        var seconds: [Feed: Double] = [:]
        var ownership: CountyOwnership?
        var foreignPersons: KeyIndex?
        for feed in Feed.allCases {
            let started = Date()
            let file = try FeedFile(folder: folder, name: feed.fileName, encoding: options.encodings[feed] ?? .utf8,
                                    allowOutsideLinks: options.allowOutsideLinks)
            // The file read must be the one whose header was checked.
            guard file.identity == headerIdentities[feed] else { throw IngestError.changedWhileRead(file: feed.fileName) }
            var loader = FeedLoader(schema: feed.schema, referenceDate: options.referenceDate,
                                    workers: max(1, options.threads), keyIndexes: keyIndexes,
                                    chunkBytes: max(1, options.chunkBytes),
                                    progress: options.readProgress.map { report in { @Sendable in report(feed, $0, $1, $2) } })
            loader.ownership = ownership
            loader.foreignPersons = foreignPersons
            // Read before the load, which gives the pages it has parsed back to the system.
            let nameConflicts = RegisterNames.conflicts(in: file, feed: feed)
            let outcome = try loader.load(file, quarantine: quarantine)
            if let selection = options.shard, feed == .regions {
                let registered = outcome.table[Regions.countyCode].sorted()
                ownership = CountyOwnership(registered: registered, owned: selection.owned(among: registered))
            }
            if outcome.foreignKeys != nil { foreignPersons = outcome.foreignKeys }
            // A shard judges an empty feed by the whole file, its rows and those of other shards.
            if outcome.accounting.read + outcome.otherShardRows == 0 && !options.feedsThatMayBeEmpty.contains(feed) {
                throw IngestError.noDataRows(file: feed.fileName)
            }
            if feed == .regions || feed == .villages {
                try RegisterCheck.check(feed, outcome.table, nameConflicts: nameConflicts,
                                        provinceCode: options.provinceCode, nationProvinces: options.nationProvinces)
            }
            tables[feed] = outcome.table
            accounting.append(outcome.accounting)
            if let space = feed.schema.defines, let index = outcome.keyIndex { keyIndexes[space] = index }
            sizes[feed] = file.size
            files[feed] = file.read
            let elapsed = Date().timeIntervalSince(started)
            seconds[feed] = elapsed
            options.progress?(Self.progressLine(outcome.accounting, bytes: file.size, seconds: elapsed))
        }
        try quarantine.finish()
        return IngestResult(tables: tables, accounting: accounting, quarantine: quarantine,
                            fileSizes: sizes, files: files, seconds: seconds, maxQuarantineShare: options.maxQuarantineShare,
                            ownership: ownership)
    }

    private static func progressLine(_ accounting: FeedAccounting, bytes: Int, seconds: Double) -> String {
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        return "ingest \(accounting.feed.fileName): \(accounting.read) rows, \(accounting.quarantined) quarantined, "
            + String(format: "%.1f MB in %.2f s (%.0f MB/s)", megabytes, seconds, rate)
            + (accounting.extraColumns.isEmpty ? ""
                : "; columns not in the contract, ignored: " + EchoedInput.list(accounting.extraColumns))
    }
}
