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

    /// Rows evaluated at once: as in the counter, large enough to amortise walking the programs.
    let batchSize = 2048

    func find() -> ClueList {
        let count = roster.householdCount
        // A few contiguous slices per thread; each reuses one scratch arena batch after batch
        // and describes its own households, so the whole search runs on every core.
        let slices = max(1, min((count + batchSize - 1) / batchSize, threads * 8))
        let names = FeedNames(ingest)
        let found: [[ClueHousehold]] = roster.personHousehold.withUnsafeBufferPointer { personHousehold in
            roster.memberStart.withUnsafeBufferPointer { memberStart in
                nonisolated(unsafe) let links = (personHousehold.baseAddress!, memberStart.baseAddress!)
                return parallelMap(count: slices, workers: threads) { slice -> [ClueHousehold] in
                    let context = EvaluationContext(columns: columns, personHousehold: links.0, memberStart: links.1,
                                                    scratch: Scratch(), cache: BatchCache(slots: cacheSlots))
                    var described: [ClueHousehold] = []
                    var start = count * slice / slices
                    let end = count * (slice + 1) / slices
                    while start < end {
                        let rows = start..<min(end, start + batchSize)
                        let mark = context.scratch.mark
                        for (household, fired) in households(in: rows, context) {
                            described.append(names.describe((household, fired), roster))
                        }
                        context.scratch.release(to: mark)
                        start = rows.upperBound
                    }
                    return described
                }
            }
        }
        return ClueList(signals: signals.map(\.0), households: found.flatMap { $0 }.sorted {
            ($0.countyCode, $0.villageCode, $0.householdID) < ($1.countyCode, $1.villageCode, $1.householdID)
        })
    }

    /// The selected households among `rows`, each with the ids of the signals that fired for it.
    private func households(in rows: Range<Int>, _ context: EvaluationContext) -> [(Int, [String])] {
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
