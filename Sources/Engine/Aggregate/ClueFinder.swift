import Ingest

/// One household list to find: the households an indicator counts (or, for
/// `denominatorNotNumerator`, those of its denominator it does not count),
/// with the signals to show for each.
struct ClueSearch {
    let indicator: CompiledIndicator
    var selection = HouseholdListSpecification.Selection.numerator
    let signals: [(ClueSignal, any VectorNode)]
    /// The signals' conditions as written, in the order of `signals`.
    let conditions: [String]

    /// Equal for two searches that find the same households with the same signals (the clue list
    /// and a compliance list of the same indicator and signals), which are then found once.
    var identity: [String] {
        [String(indicator.firstColumn), selection.rawValue]
            + zip(signals, conditions).flatMap { signal, condition in
                [signal.0.id, signal.0.labelZH, signal.0.labelEN, condition]
            }
    }
}

/// Finds the households of every search in one pass over the roster, so the
/// searches share each batch's cached fields, and the signals that fired for
/// each household. Used for the clue lists and the compliance lists.
struct ClueFinder {
    let roster: Roster
    let ingest: IngestResult
    let searches: [ClueSearch]
    /// The night's columns the programs read (`CompiledPipeline.columns`).
    let columns: [ColumnValues]
    /// Derived fields cached per batch.
    let cacheSlots: Int
    let threads: Int

    /// Rows evaluated at once: as in the counter, large enough to amortise walking the programs.
    let batchSize = 2048

    /// What one search found in a slice of the roster: the sorted household
    /// positions, and for each `signals.count` flags of the signals that fired.
    struct Found {
        var households: [Int32] = []
        var fired: [Bool] = []
    }

    /// Each search's households, sorted by county, village and household ID; a search equal
    /// to an earlier one (same `identity`) is not evaluated again but shares its list.
    func find() -> [ClueList] {
        var distinct: [ClueSearch] = []
        var positions: [[String]: Int] = [:]
        let position = searches.map { search -> Int in
            if let known = positions[search.identity] { return known }
            positions[search.identity] = distinct.count
            distinct.append(search)
            return distinct.count - 1
        }
        let lists = find(distinct)
        return position.map { lists[$0] }
    }

    /// The lists of `searches`, in their order.
    private func find(_ searches: [ClueSearch]) -> [ClueList] {
        let count = roster.householdCount
        // A few contiguous slices per thread; each reuses one scratch arena batch after batch.
        let slices = max(1, min((count + batchSize - 1) / batchSize, threads * 8))
        let found: [[Found]] = roster.personHousehold.withUnsafeBufferPointer { personHousehold in
            roster.memberStart.withUnsafeBufferPointer { memberStart in
                nonisolated(unsafe) let links = (personHousehold.baseAddress!, memberStart.baseAddress!)
                return parallelMap(count: slices, workers: threads) { slice -> [Found] in
                    let context = EvaluationContext(columns: columns, personHousehold: links.0, memberStart: links.1,
                                                    scratch: Scratch(), cache: BatchCache(slots: cacheSlots))
                    var results = [Found](repeating: Found(), count: searches.count)
                    var start = count * slice / slices
                    let end = count * (slice + 1) / slices
                    while start < end {
                        let rows = start..<min(end, start + batchSize)
                        let mark = context.scratch.mark
                        for index in searches.indices { collect(searches[index], rows, context, into: &results[index]) }
                        context.scratch.release(to: mark)
                        start = rows.upperBound
                    }
                    return results
                }
            }
        }
        let names = FeedNames(ingest, roster)
        return parallelMap(count: searches.count, workers: threads) { index in
            names.list(searches[index].signals.map(\.0), found.map { $0[index] })
        }
    }

    /// Adds the households of `search` among `rows`, with the signals that fired for each, to `found`.
    private func collect(_ search: ClueSearch, _ rows: Range<Int>, _ context: EvaluationContext, into found: inout Found) {
        let counted = context.scratch.allocate(rows.count)
        search.indicator.numerator.evaluate(rows, counted, context)
        if search.selection == .denominatorNotNumerator, let denominator = search.indicator.denominator {
            // In the denominator and not in the numerator.
            let inDenominator = context.scratch.allocate(rows.count)
            denominator.evaluate(rows, inDenominator, context)
            for i in 0..<rows.count {
                let counts = counted[i] != missingValue && counted[i] > 0
                let eligible = inDenominator[i] != missingValue && inDenominator[i] > 0
                counted[i] = eligible && !counts ? 1 : 0
            }
        }
        let fired = search.signals.map { signal -> UnsafeMutablePointer<Int64> in
            let out = context.scratch.allocate(rows.count)
            signal.1.evaluate(rows, out, context)
            return out
        }
        for i in 0..<rows.count where counted[i] != missingValue && counted[i] > 0 {
            found.households.append(Int32(rows.lowerBound + i))
            for signal in fired { found.fired.append(signal[i] == 1) }
        }
    }
}

/// The columns a found household is described with, fetched once.
private struct FeedNames {
    let roster: Roster
    let householdIDs: [Int64]
    let householdVillages: [Int32]
    let villageCodes: [Int64]
    let villageNames: [String]
    let villageCounties: [Int32]
    let countyCodes: [Int64]
    let relations: [UInt8]
    let headRelation = Persons.relation.code("head")
    let personIDs: [Int64]

    init(_ ingest: IngestResult, _ roster: Roster) {
        self.roster = roster
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

    /// The households of one search (its pieces in roster order), sorted by county, village
    /// and household ID: the codes compared as numbers, which orders them as their fixed-width digits.
    func list(_ signals: [ClueSignal], _ pieces: [ClueFinder.Found]) -> ClueList {
        var order: [(county: Int64, village: Int64, household: Int64, piece: Int32, row: Int32)] = []
        order.reserveCapacity(pieces.reduce(0) { $0 + $1.households.count })
        for (p, piece) in pieces.enumerated() {
            for (row, household) in piece.households.enumerated() {
                let feedRow = Int(roster.householdFeedRow[Int(household)])
                let village = Int(householdVillages[feedRow])
                order.append((countyCodes[Int(villageCounties[village])], villageCodes[village], householdIDs[feedRow],
                              Int32(p), Int32(row)))
            }
        }
        order.sort { ($0.county, $0.village, $0.household) < ($1.county, $1.village, $1.household) }
        // The signal ids of each pattern of fired signals, and the codes of each village, made once.
        var ids: [ArraySlice<Bool>: [String]] = [:]
        var villages: [Int: (code: String, county: String)] = [:]
        let households = order.map { entry -> ClueHousehold in
            let piece = pieces[Int(entry.piece)]
            let start = Int(entry.row) * signals.count
            let pattern = piece.fired[start..<(start + signals.count)]
            let fired: [String]
            if let known = ids[pattern] {
                fired = known
            } else {
                fired = signals.indices.filter { pattern[start + $0] }.map { signals[$0].id }
                ids[pattern] = fired
            }
            let household = Int(piece.households[Int(entry.row)])
            let village = Int(householdVillages[Int(roster.householdFeedRow[household])])
            let codes: (code: String, county: String)
            if let known = villages[village] {
                codes = known
            } else {
                codes = (CodeText.digits(entry.village, width: 12), CodeText.digits(entry.county, width: 6))
                villages[village] = codes
            }
            return describe(household, village: village, codes, householdID: entry.household, fired)
        }
        return ClueList(signals: signals, households: households)
    }

    private func describe(_ household: Int, village: Int, _ codes: (code: String, county: String), householdID: Int64,
                          _ signals: [String]) -> ClueHousehold {
        let head = (Int(roster.memberStart[household])..<Int(roster.memberStart[household + 1])).first {
            relations[Int(roster.personFeedRow[$0])] == headRelation
        }
        return ClueHousehold(
            householdID: CodeText.digits(householdID, width: 16),
            villageCode: codes.code,
            villageName: villageNames[village],
            countyCode: codes.county,
            headResidentID: head.map { ResidentID.text(UInt64(bitPattern: personIDs[Int(roster.personFeedRow[$0])])) },
            signals: signals)
    }
}
