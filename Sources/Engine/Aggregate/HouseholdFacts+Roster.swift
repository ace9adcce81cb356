import Ingest

extension HouseholdFacts {
    /// Gathers tonight's facts from the roster and evaluates the hard signals, in parallel batches.
    init(roster: Roster, ingest: IngestResult, signals: [(ClueSignal, any VectorNode)], columns: [ColumnValues],
         cacheSlots: Int, threads: Int) {
        let households = ingest.table(.households), persons = ingest.table(.persons)
        let villagesTable = ingest.table(.villages), regions = ingest.table(.regions)
        let rows = roster.householdFeedRow.map(Int.init)
        func sorted<T>(_ column: [T]) -> [T] { rows.map { column[$0] } }
        var cells = [Int32](repeating: 0, count: roster.householdCount)
        for cell in 0..<roster.cellCount {
            for h in Int(roster.cellHouseholdStart[cell])..<Int(roster.cellHouseholdStart[cell + 1]) { cells[h] = Int32(cell) }
        }
        let status = persons[Persons.status], relation = persons[Persons.relation], personIDs = persons[Persons.personID]
        let resident = Persons.status.code("resident"), head = Persons.relation.code("head")
        var members = [Int32](repeating: 0, count: roster.householdCount)
        var heads = [Int64](repeating: -1, count: roster.householdCount)
        for h in 0..<roster.householdCount {
            for p in Int(roster.memberStart[h])..<Int(roster.memberStart[h + 1]) {
                let row = Int(roster.personFeedRow[p])
                if status[row] == 0 || status[row] == resident { members[h] += 1 }
                if relation[row] == head && heads[h] < 0 { heads[h] = personIDs[row] }
            }
        }
        let countyCodes = regions[Regions.countyCode]
        self.init(
            signals: signals.map(\.0), householdIDs: sorted(households[Households.householdID]),
            villages: sorted(households[Households.villageCode]), cells: cells,
            category: sorted(households[Households.category]), monitoringType: sorted(households[Households.monitoringType]),
            riskStatus: sorted(households[Households.riskStatus]), clueOutcome: sorted(households[Households.clueOutcome]),
            clueDate: sorted(households[Households.clueDate]), inclusionDate: sorted(households[Households.inclusionDate]),
            eliminationDate: sorted(households[Households.eliminationDate]),
            income: sorted(households[Households.incomePerCapita]), members: members,
            signalBits: Self.evaluate(signals, roster: roster, columns: columns, cacheSlots: cacheSlots, threads: threads), heads: heads,
            villageCodes: villagesTable[Villages.villageCode], villageNames: villagesTable[Villages.villageName],
            villageCounties: villagesTable[Villages.countyCode].map { countyCodes[Int($0)] })
    }

    /// Each household's hard-signal bits.
    private static func evaluate(_ signals: [(ClueSignal, any VectorNode)], roster: Roster, columns: [ColumnValues],
                                 cacheSlots: Int, threads: Int) -> [UInt16] {
        let batch = 2048
        let count = roster.householdCount
        guard !signals.isEmpty else { return [UInt16](repeating: 0, count: count) }
        let pieces = max(1, (count + batch - 1) / batch)
        let parts: [[UInt16]] = roster.personHousehold.withUnsafeBufferPointer { personHousehold in
            roster.memberStart.withUnsafeBufferPointer { memberStart in
                nonisolated(unsafe) let links = (personHousehold.baseAddress!, memberStart.baseAddress!)
                return parallelMap(count: pieces, workers: threads) { piece -> [UInt16] in
                    let context = EvaluationContext(columns: columns, personHousehold: links.0, memberStart: links.1, scratch: Scratch(),
                                                    cache: BatchCache(slots: cacheSlots))
                    let rows = (piece * batch)..<min(count, (piece + 1) * batch)
                    var bits = [UInt16](repeating: 0, count: rows.count)
                    for (index, signal) in signals.enumerated() {
                        let mark = context.scratch.mark
                        let out = context.scratch.allocate(rows.count)
                        signal.1.evaluate(rows, out, context)
                        for i in 0..<rows.count where out[i] == 1 { bits[i] |= UInt16(1) << UInt16(index) }
                        context.scratch.release(to: mark)
                    }
                    return bits
                }
            }
        }
        return parts.flatMap { $0 }
    }
}
