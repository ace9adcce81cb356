import Foundation
import Ingest

/// The text forms of time the warehouse stores.
enum Timestamp {
    /// ISO-8601 in UTC to the second, such as `2026-11-28T22:01:05Z`.
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }

    static func now() -> String { text(Date()) }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    static func isRunDate(_ text: String) -> Bool {
        guard text.utf8.count == 10, let day = DayNumber.parse(text) else { return false }
        return DayNumber.format(day) == text
    }
}
