/// Why the warehouse cannot do what was asked, in words a statistician can act on.
public enum WarehouseError: Error, Equatable, CustomStringConvertible {
    /// Another process holds the warehouse's lock file.
    case busy(lockPath: String, holder: String?)
    /// The file or its folder cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A read-only opening of a file that does not exist.
    case notFound(path: String)
    /// The file is a SQLite file but not a bottomline warehouse (or not yet migrated).
    case notAWarehouse(path: String)
    /// The file was upgraded by a newer bottomline than this one.
    case newerSchema(path: String)
    /// A read-only opening of a file that a run of this version has not upgraded yet.
    case olderSchema(path: String)
    /// A run date that is not a real `YYYY-MM-DD` date.
    case invalidDate(String)
    /// `publish` or `fail` on a run that does not exist or is no longer running.
    case runNotRunning(runID: Int64)
    /// `fail` on a run whose figures are already committed (its outputs must be put in place or withdrawn).
    case alreadyCommitted(runID: Int64)
    /// No published run has this indicator.
    case unknownIndicator(String, known: [String])
    /// No published figures for this date.
    case noPublishedRun(date: String, published: [String])
    /// No figures for this area at this level.
    case unknownArea(level: String, code: String)

    public var description: String {
        switch self {
        case let .busy(lockPath, holder):
            let who = holder.map { " (\($0))" } ?? ""
            return "another bottomline run is using the warehouse\(who): wait for it to finish, or check for a stuck "
                + "process holding the lock file \(lockPath)"
        case let .cannotOpen(path, reason):
            return "cannot open the warehouse \(path): \(reason)"
        case let .notFound(path):
            return "no warehouse at \(path): check the --warehouse path (a run creates it)"
        case let .notAWarehouse(path):
            return "\(path) is not a bottomline warehouse (no schema version found): check the --warehouse path"
        case let .newerSchema(path):
            return "\(path) was upgraded by a newer bottomline than this one: use that version, "
                + "or a copy of the warehouse from before the upgrade"
        case let .olderSchema(path):
            return "\(path) was written by an older bottomline: run this version's `bottomline run` once "
                + "with --warehouse \(path) to upgrade it, then try again"
        case let .invalidDate(text):
            return "'\(text)' is not a date written YYYY-MM-DD (for example 2026-11-28)"
        case let .runNotRunning(runID):
            return "run \(runID) is not running (it finished, failed or does not exist); its figures were not written"
        case let .alreadyCommitted(runID):
            return "run \(runID) has committed its figures; the next bottomline command puts its outputs in place"
        case let .unknownIndicator(id, known):
            let list = known.isEmpty ? "the warehouse has no published figures yet" : "known: " + known.joined(separator: ", ")
            return "no published figures for indicator '\(id)' (\(list))"
        case let .noPublishedRun(date, published):
            let list = published.isEmpty ? "no date has been published yet"
                : "published dates: " + Self.shortList(published)
            return "no published run for \(date) (\(list))"
        case let .unknownArea(level, code):
            return "no \(level) with code \(code) in the published figures: check the code and --level"
        }
    }

    /// The first and last few items of a long list.
    private static func shortList(_ items: [String]) -> String {
        guard items.count > 8 else { return items.joined(separator: ", ") }
        return (items.prefix(3) + ["…"] + items.suffix(4)).joined(separator: ", ")
    }
}
