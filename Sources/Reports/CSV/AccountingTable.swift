import Foundation
import Ingest

/// The per-feed accounting as a plain-text table for a terminal or a log.
public enum AccountingTable {
    /// One line per feed: rows read, accepted, quarantined (by reason) and whether it passes.
    public static func text(_ accounting: [FeedAccounting], maximumShare: Double) -> String {
        let header = ["feed", "read", "accepted", "quarantined", "share", "status", "by reason"]
        var rows = [header]
        for feed in accounting {
            let reasons = feed.quarantinedByReason.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
            rows.append([
                feed.feed.fileName, String(feed.read), String(feed.accepted), String(feed.quarantined),
                String(format: "%.2f%%", feed.quarantinedShare * 100),
                feed.passes(maximumShare: maximumShare) ? "ok" : "FAIL",
                reasons.joined(separator: " "),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column == row.count - 1 ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
