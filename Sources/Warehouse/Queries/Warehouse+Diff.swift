import Engine
import GRDB
import Ingest

extension Warehouse {
    /// Compares the published figures of two dates: targets newly missed and
    /// newly met (targets of `to`'s run, at `levels`), the counties that moved
    /// most for each indicator, and quarantine reasons that appeared or vanished.
    /// - Parameters:
    ///   - levels: levels whose areas are checked against targets.
    ///   - movers: counties listed per indicator.
    /// - Throws: `.noPublishedRun` when either date has no published figures.
    public func diff(from: String, to: String, levels: [RollupLevel] = [.province, .group, .prefecture, .county, .site],
                     movers: Int = 5) throws -> WarehouseDiff {
        try database.read { db in
            let fromRun = try requirePublishedRun(db, date: from)
            let toRun = try requirePublishedRun(db, date: to)
            let definitions = try definitions(db, runID: toRun)
            var missed: [WarehouseDiff.TargetChange] = []
            var met: [WarehouseDiff.TargetChange] = []
            for level in levels.sorted() {
                let pairs = try pairedValues(db, from: from, to: to, level: level)
                for definition in definitions {
                    guard let target = definition.target else { continue }
                    for pair in pairs where pair.indicator == definition.id {
                        guard let old = pair.fromValue, let new = pair.toValue else { continue }
                        let change = WarehouseDiff.TargetChange(
                            level: level, code: pair.code, name: pair.name, indicator: definition.id,
                            target: target, fromText: pair.fromText, toText: pair.toText)
                        switch (target.isMet(by: old), target.isMet(by: new)) {
                        case (true, false): missed.append(change)
                        case (false, true): met.append(change)
                        default: break
                        }
                    }
                }
            }
            let counties = try pairedValues(db, from: from, to: to, level: .county)
            let moved = definitions.flatMap { biggestMovers(counties, definition: $0, count: movers) }
            var diff = WarehouseDiff(from: from, to: to, fromRunID: fromRun, toRunID: toRun, newlyMissed: missed,
                                     newlyMet: met, movers: moved,
                                     quarantineChanges: try quarantineChanges(db, fromRun: fromRun, toRun: toRun))
            let before = Set(try storedAlerts(db, date: from).map { "\($0.countyCode) \($0.kind.rawValue) \($0.indicator)" })
            diff.alerts = try storedAlerts(db, date: to).map {
                ($0, !before.contains("\($0.countyCode) \($0.kind.rawValue) \($0.indicator)"))
            }
            return diff
        }
    }

    /// One area's figure for one indicator on both dates.
    private struct PairedValue {
        let code: String
        let name: String
        let indicator: String
        let fromNumerator: Int64, fromDenominator: Int64?, fromValue: Double?, fromText: String
        let toNumerator: Int64, toDenominator: Int64?, toValue: Double?, toText: String
    }

    /// Areas of `level` with figures on both dates, by code (name as on `to`).
    private func pairedValues(_ db: Database, from: String, to: String, level: RollupLevel) throws -> [PairedValue] {
        try Row.fetchAll(db, sql: """
            SELECT b.code, b.name, b.indicator,
                   a.numerator AS a_num, a.denominator AS a_den, a.value AS a_value, a.value_text AS a_text,
                   b.numerator AS b_num, b.denominator AS b_den, b.value AS b_value, b.value_text AS b_text
            FROM indicator_values b
            JOIN indicator_values a ON a.run_date = ? AND a.level = b.level AND a.code = b.code
                                   AND a.indicator = b.indicator
            WHERE b.run_date = ? AND b.level = ?
            ORDER BY b.code
            """, arguments: [from, to, level.rawValue]).map { row in
            PairedValue(code: row["code"], name: row["name"], indicator: row["indicator"],
                        fromNumerator: row["a_num"], fromDenominator: row["a_den"], fromValue: row["a_value"],
                        fromText: row["a_text"],
                        toNumerator: row["b_num"], toDenominator: row["b_den"], toValue: row["b_value"],
                        toText: row["b_text"])
        }
    }

    /// The `count` counties with the largest absolute change, ties by code; unchanged ones are left out.
    private func biggestMovers(_ pairs: [PairedValue], definition: StoredDefinition,
                               count: Int) -> [WarehouseDiff.Mover] {
        let changes: [(pair: PairedValue, change: Double, text: String)] = pairs.compactMap { pair in
            guard pair.indicator == definition.id else { return nil }
            if definition.isRatio {
                guard let old = pair.fromValue, let new = pair.toValue, old != new,
                      let oldDenominator = pair.fromDenominator, let newDenominator = pair.toDenominator
                else { return nil }
                let text = ChangeText.ratio(from: (pair.fromNumerator, oldDenominator),
                                            to: (pair.toNumerator, newDenominator), decimals: definition.decimals)
                return (pair, new - old, text)
            }
            let change = pair.toNumerator - pair.fromNumerator
            guard change != 0 else { return nil }
            return (pair, Double(change), ChangeText.count(change))
        }
        let ranked = changes.sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change)
                                                                        : $0.pair.code < $1.pair.code }
        return ranked.prefix(count).enumerated().map { index, item in
            WarehouseDiff.Mover(indicator: definition.id, rank: index + 1, code: item.pair.code,
                                name: item.pair.name, fromText: item.pair.fromText, toText: item.pair.toText,
                                change: item.change, changeText: item.text)
        }
    }

    /// (feed, reason) pairs with rows in one run's accounting and none in the other's.
    private func quarantineChanges(_ db: Database, fromRun: Int64,
                                   toRun: Int64) throws -> [WarehouseDiff.QuarantineChange] {
        func counts(_ run: Int64) throws -> [String: Int] {
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT feed, reason, rows FROM feed_accounting WHERE run_id = ?",
                                        arguments: [run]) {
                result[row["feed"] + "\t" + row["reason"], default: 0] += row["rows"] as Int
            }
            return result
        }
        let old = try counts(fromRun), new = try counts(toRun)
        let keys = Set(old.keys).symmetricDifference(new.keys)
        let changes = keys.map { key in
            let parts = key.split(separator: "\t", maxSplits: 1).map(String.init)
            return WarehouseDiff.QuarantineChange(feed: parts[0], reason: parts.count > 1 ? parts[1] : "",
                                                  fromRows: old[key] ?? 0, toRows: new[key] ?? 0)
        }
        return changes.sorted { ($0.feedOrder, $0.reasonOrder, $0.feed, $0.reason)
            < ($1.feedOrder, $1.reasonOrder, $1.feed, $1.reason) }
    }
}

extension WarehouseDiff.QuarantineChange {
    /// Position of the feed and reason in the contract (unknown ones last).
    fileprivate var feedOrder: Int { Feed(rawValue: feed).flatMap { Feed.allCases.firstIndex(of: $0) } ?? Int.max }
    fileprivate var reasonOrder: Int {
        QuarantineReason(rawValue: reason).flatMap { QuarantineReason.allCases.firstIndex(of: $0) } ?? Int.max
    }
}
