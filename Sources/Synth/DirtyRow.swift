import Ingest

/// A deliberately bad row that `--dirty` appends to a feed, and the one
/// quarantine reason the pipeline must give it.
public struct DirtyRow: Sendable, Equatable {
    public let feed: Feed
    /// 1-based line in the feed file (filled in when the row is written).
    public internal(set) var line: Int
    public let reason: QuarantineReason
    /// What is wrong with the row, in words.
    public let note: String
    /// The row without its line end.
    let pieces: [Piece]

    /// Part of a row: text, or bytes that are invalid in the file's encoding.
    enum Piece: Sendable, Equatable {
        case text(String)
        /// Bytes that break the file's encoding: GBK bytes of this text in a
        /// UTF-8 file (a name typed in another encoding), a 0xFF byte in a GB18030 file.
        case foreign(String)
    }

    init(_ feed: Feed, _ reason: QuarantineReason, _ note: String, _ pieces: [Piece]) {
        self.feed = feed
        self.line = 0
        self.reason = reason
        self.note = note
        self.pieces = pieces
    }

    init(_ feed: Feed, _ reason: QuarantineReason, _ note: String, fields: [String]) {
        self.init(feed, reason, note, [.text(fields.joined(separator: ","))])
    }

    init(_ feed: Feed, _ reason: QuarantineReason, _ note: String, copyOf row: [UInt8]) {
        self.init(feed, reason, note, [.text(String(decoding: row, as: UTF8.self))])
    }

    /// GBK bytes of the few words the bad rows use, which are not valid UTF-8.
    static let gbkBytes: [String: [UInt8]] = [
        "石桥村": [0xCA, 0xAF, 0xC7, 0xC5, 0xB4, 0xE5],
        "县内": [0xCF, 0xD8, 0xC4, 0xDA],
    ]
}

/// The `dirty_manifest.csv` written beside the feeds: how many rows of each
/// feed the pipeline must quarantine, and for which reason.
public enum DirtyManifest {
    public static let fileName = "dirty_manifest.csv"

    /// Counts by (feed, reason), in contract order.
    public static func counts(_ rows: [DirtyRow]) -> [(feed: Feed, reason: QuarantineReason, count: Int)] {
        var counts: [Feed: [QuarantineReason: Int]] = [:]
        for row in rows { counts[row.feed, default: [:]][row.reason, default: 0] += 1 }
        return Feed.allCases.flatMap { feed in
            QuarantineReason.allCases.compactMap { reason in
                counts[feed]?[reason].map { (feed, reason, $0) }
            }
        }
    }

    /// The manifest's text: `feed,reason,count` (feed as its file name).
    public static func text(_ rows: [DirtyRow]) -> String {
        "feed,reason,count\n" + counts(rows).map { "\($0.feed.fileName),\($0.reason.rawValue),\($0.count)\n" }.joined()
    }
}
