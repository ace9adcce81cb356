import Ingest

/// What the meeting outputs show about the night's data besides the figures:
/// the accounting of every feed, how much of each county's roster the sector
/// feeds cover, and which counties are key counties. A run takes it from its
/// ingest; `merge` adds up the shards' partials.
public struct DataQuality: Sendable {
    /// Per feed, in contract order.
    public var accounting: [FeedAccounting]
    /// The pipeline's `max_quarantine_share`.
    public var maxQuarantineShare: Double
    public var coverage: FeedCoverage
    /// 6-digit codes of the counties `regions.csv` marks `key_county` = 1.
    public var keyCounties: Set<String>

    public init(accounting: [FeedAccounting], maxQuarantineShare: Double, coverage: FeedCoverage, keyCounties: Set<String>) {
        self.accounting = accounting
        self.maxQuarantineShare = maxQuarantineShare
        self.coverage = coverage
        self.keyCounties = keyCounties
    }

    /// From a run's ingest; coverage counts medical-insurance rows of the run date's year.
    public init(_ ingest: IngestResult, runDate: String) {
        self.init(accounting: ingest.accounting, maxQuarantineShare: ingest.maxQuarantineShare,
                  coverage: FeedCoverage(ingest, referenceYear: Int(runDate.prefix(4)) ?? 0),
                  keyCounties: KeyCounties.codes(ingest))
    }
}
