import Ingest

/// Finds the households the clue indicator counts and the signals that fired for each.
struct ClueFinder {
    let roster: Roster
    let ingest: IngestResult
    let indicator: CompiledIndicator
    let signals: [(ClueSignal, VectorNode)]
    let threads: Int

    func find() -> ClueList {
        let batch = 2048
        let count = roster.householdCount
        let pieces = max(1, (count + batch - 1) / batch)
        let found: [[(Int, [String])]] = roster.personHousehold.withUnsafeBufferPointer { personHousehold in
            roster.memberStart.withUnsafeBufferPointer { memberStart in
                nonisolated(unsafe) let links = (personHousehold.baseAddress!, memberStart.baseAddress!)
                return parallelMap(count: pieces, workers: threads) { piece -> [(Int, [String])] in
                    let context = EvaluationContext(personHousehold: links.0, memberStart: links.1, scratch: Scratch())
                    let rows = (piece * batch)..<min(count, (piece + 1) * batch)
                    let counted = context.scratch.allocate(rows.count)
                    indicator.numerator.evaluate(rows, counted, context)
                    let fired = signals.map { signal -> UnsafeMutablePointer<Int64> in
                        let out = context.scratch.allocate(rows.count)
                        signal.1.evaluate(rows, out, context)
                        return out
                    }
                    return (0..<rows.count).compactMap { i -> (Int, [String])? in
                        guard counted[i] != missingValue, counted[i] > 0 else { return nil }
                        let names = signals.indices.filter { fired[$0][i] == 1 }.map { signals[$0].0.id }
                        return (rows.lowerBound + i, names)
                    }
                }
            }
        }
        return ClueList(signals: signals.map(\.0), households: found.flatMap { $0 }.map(describe).sorted {
            ($0.countyCode, $0.villageCode, $0.householdID) < ($1.countyCode, $1.villageCode, $1.householdID)
        })
    }

    private func describe(_ clue: (household: Int, signals: [String])) -> ClueHousehold {
        let households = ingest.table(.households)
        let villages = ingest.table(.villages)
        let regions = ingest.table(.regions)
        let persons = ingest.table(.persons)
        let feedRow = Int(roster.householdFeedRow[clue.household])
        let village = Int(households.int32("village_code")[feedRow])
        let head = (Int(roster.memberStart[clue.household])..<Int(roster.memberStart[clue.household + 1])).first {
            persons.uint8("relation")[Int(roster.personFeedRow[$0])] == 1
        }
        return ClueHousehold(
            householdID: CodeText.digits(households.int64("household_id")[feedRow], width: 16),
            villageCode: CodeText.digits(villages.int64("village_code")[village], width: 12),
            villageName: villages.text("village_name")[village],
            countyCode: CodeText.digits(regions.int64("county_code")[Int(villages.int32("county_code")[village])], width: 6),
            headResidentID: head.map { ResidentID.text(UInt64(bitPattern: persons.int64("person_id")[Int(roster.personFeedRow[$0])])) },
            signals: clue.signals)
    }
}
