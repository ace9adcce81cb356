/// Row accounting of one feed: rows read = accepted + quarantined, always.
public struct FeedAccounting: Sendable, Equatable {
    public let feed: Feed
    public internal(set) var read: Int = 0
    public internal(set) var accepted: Int = 0
    /// Quarantined rows by reason.
    public internal(set) var quarantinedByReason: [QuarantineReason: Int] = [:]
    /// Columns of the file that the contract does not know (ignored).
    public internal(set) var extraColumns: [String] = []

    public init(feed: Feed) { self.feed = feed }

    /// Accounting with these figures (a merge adds up the shards' accounting).
    public init(feed: Feed, read: Int, accepted: Int, quarantinedByReason: [QuarantineReason: Int], extraColumns: [String]) {
        self.feed = feed
        self.read = read
        self.accepted = accepted
        self.quarantinedByReason = quarantinedByReason
        self.extraColumns = extraColumns
    }

    public var quarantined: Int { quarantinedByReason.values.reduce(0, +) }

    /// Quarantined share of rows read (0 for an empty feed).
    public var quarantinedShare: Double { read == 0 ? 0 : Double(quarantined) / Double(read) }

    /// Whether the quarantined share is within `maximumShare`.
    public func passes(maximumShare: Double) -> Bool { quarantinedShare <= maximumShare }
}
