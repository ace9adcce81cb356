import Ingest

/// Finds the households an indicator counts (or, for `denominatorNotNumerator`,
/// those of its denominator it does not count) and the signals that fired for each.
/// Used for the clue lists and the compliance lists.
struct ClueFinder {
    let roster: Roster
    let ingest: IngestResult
    let indicator: CompiledIndicator
    var selection = HouseholdListSpecification.Selection.numerator
    let signals: [(ClueSignal, any VectorNode)]
    /// The night's columns the programs read (`CompiledPipeline.columns`).
    let columns: [ColumnValues]
    /// Derived fields cached per batch.
    let cacheSlots: Int
    let threads: Int

    func find() -> ClueList {
        let batch = 2048
        let count = roster.householdCount
        let pieces = max(1, (count + batch - 1) / batch)
        let found: [[(Int, [String])]] = roster.personHousehold.withUnsafeBufferPointer { personHousehold in
            roster.memberStart.withUnsafeBufferPointer { memberStart in
                nonisolated(unsafe) let links = (personHousehold.baseAddress!, memberStart.baseAddress!)
                return parallelMap(count: pieces, workers: threads) { piece -> [(Int, [String])] in
                    let context = EvaluationContext(columns: columns, personHousehold: links.0, memberStart: links.1, scratch: Scratch(),
                                                    cache: BatchCache(slots: cacheSlots))
                    let rows = (piece * batch)..<min(count, (piece + 1) * batch)
                    let counted = context.scratch.allocate(rows.count)
                    indicator.numerator.evaluate(rows, counted, context)
                    if selection == .denominatorNotNumerator, let denominator = indicator.denominator {
                        // In the denominator and not in the numerator.
                        let inDenominator = context.scratch.allocate(rows.count)
                        denominator.evaluate(rows, inDenominator, context)
                        for i in 0..<rows.count {
                            let counts = counted[i] != missingValue && counted[i] > 0
                            let eligible = inDenominator[i] != missingValue && inDenominator[i] > 0
                            counted[i] = eligible && !counts ? 1 : 0
                        }
                    }
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
        let names = FeedNames(ingest)
        return ClueList(signals: signals.map(\.0), households: found.flatMap { $0 }.map { names.describe($0, roster) }.sorted {
            ($0.countyCode, $0.villageCode, $0.householdID) < ($1.countyCode, $1.villageCode, $1.householdID)
        })
    }
}

/// The columns a clue household is described with, fetched once.
private struct FeedNames {
    let householdIDs: [Int64]
    let householdVillages: [Int32]
    let villageCodes: [Int64]
    let villageNames: [String]
    let villageCounties: [Int32]
    let countyCodes: [Int64]
    let relations: [UInt8]
    let personIDs: [Int64]

    init(_ ingest: IngestResult) {
        let households = ingest.table(.households), villages = ingest.table(.villages), persons = ingest.table(.persons)
        householdIDs = households[Households.householdID]
        householdVillages = households[Households.villageCode]
        villageCodes = villages[Villages.villageCode]
        villageNames = villages[Villages.villageName]
        villageCounties = villages[Villages.countyCode]
        countyCodes = ingest.table(.regions)[Regions.countyCode]
        relations = persons[Persons.relation]
        personIDs = persons[Persons.personID]
    }

    func describe(_ clue: (household: Int, signals: [String]), _ roster: Roster) -> ClueHousehold {
        let feedRow = Int(roster.householdFeedRow[clue.household])
        let village = Int(householdVillages[feedRow])
        let headRelation = Persons.relation.code("head")
        let head = (Int(roster.memberStart[clue.household])..<Int(roster.memberStart[clue.household + 1])).first {
            relations[Int(roster.personFeedRow[$0])] == headRelation
        }
        return ClueHousehold(
            householdID: CodeText.digits(householdIDs[feedRow], width: 16),
            villageCode: CodeText.digits(villageCodes[village], width: 12),
            villageName: villageNames[village],
            countyCode: CodeText.digits(countyCodes[Int(villageCounties[village])], width: 6),
            headResidentID: head.map { ResidentID.text(UInt64(bitPattern: personIDs[Int(roster.personFeedRow[$0])])) },
            signals: clue.signals)
    }
}
