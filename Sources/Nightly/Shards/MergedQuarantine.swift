import Ingest

/// Every shard's quarantined rows in one sequence, by feed (contract order)
/// then line, read from the partials' saved logs as it is iterated (each log
/// is already in that order), so the merge holds one record per shard at a
/// time, whatever the number of quarantined rows. `regions.csv` is read by
/// every shard: its rows are taken from one partial only.
struct MergedQuarantine: Sequence, Sendable {
    let logs: [QuarantineLog]
    /// The partial whose `regions.csv` rows count.
    let regionsFrom: Int

    func makeIterator() -> Iterator { Iterator(self) }

    struct Iterator: IteratorProtocol {
        private var sources: [QuarantineLog.Iterator]
        private var heads: [QuarantineRecord?]
        private let regionsFrom: Int
        private static let order = Dictionary(uniqueKeysWithValues: Feed.allCases.enumerated().map { ($1, $0) })

        init(_ merged: MergedQuarantine) {
            regionsFrom = merged.regionsFrom
            sources = merged.logs.map { $0.makeIterator() }
            heads = Array(repeating: nil, count: sources.count)
            for index in sources.indices { advance(index) }
        }

        /// The smallest head (feed, line, then partial order), replaced by its log's next record.
        mutating func next() -> QuarantineRecord? {
            var best: Int?
            for (index, head) in heads.enumerated() {
                guard let head else { continue }
                if let chosen = best, let current = heads[chosen], Self.key(current) <= Self.key(head) { continue }
                best = index
            }
            guard let best, let record = heads[best] else { return nil }
            advance(best)
            return record
        }

        private mutating func advance(_ index: Int) {
            repeat {
                heads[index] = sources[index].next()
            } while index != regionsFrom && heads[index]?.feed == .regions
        }

        private static func key(_ record: QuarantineRecord) -> (Int, Int) { (order[record.feed] ?? 0, record.line) }
    }
}
