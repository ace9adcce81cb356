import Ingest

/// What a run read from one feed: the file, its fingerprint and its row accounting.
public struct RunInput: Sendable, Equatable {
    public let feed: Feed
    /// Size of the file in bytes.
    public let bytes: Int
    /// SHA-256 of the file's bytes, as 64 lowercase hex digits.
    public let sha256: String
    public let rowsRead: Int
    public let rowsAccepted: Int
    /// Quarantined rows by reason.
    public let quarantinedByReason: [QuarantineReason: Int]

    public init(feed: Feed, bytes: Int, sha256: String, rowsRead: Int, rowsAccepted: Int,
                quarantinedByReason: [QuarantineReason: Int]) {
        self.feed = feed
        self.bytes = bytes
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.quarantinedByReason = quarantinedByReason
    }

    /// The input of a feed from its ingest accounting.
    public init(accounting: FeedAccounting, bytes: Int, sha256: String) {
        self.init(feed: accounting.feed, bytes: bytes, sha256: sha256, rowsRead: accounting.read,
                  rowsAccepted: accounting.accepted, quarantinedByReason: accounting.quarantinedByReason)
    }

    public var rowsQuarantined: Int { quarantinedByReason.values.reduce(0, +) }
}
