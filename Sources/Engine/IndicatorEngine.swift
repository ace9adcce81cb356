import Foundation
import Ingest

/// What the engine produced for one night.
public struct EngineResult: Sendable {
    public let table: IndicatorTable
    public let clues: ClueList
    /// The compliance lists, in the pipeline's order.
    public let lists: [HouseholdList]
    /// The evaluation panel's dimensions (from the pipeline).
    public let evaluation: [EvaluationDimension]
    /// Every household's facts for the early warning (nil when the pipeline has no `early_warning:`).
    public let households: HouseholdFacts?
    /// The areas each roster cell and village adds into, to roll up figures counted after the engine.
    public let chains: AreaChains
    /// Seconds per engine stage (`layout`, `join`, `count`, `rollup`, `clues`).
    public let stageSeconds: [(stage: String, seconds: Double)]
}

/// Turns ingested feeds into every indicator for every area.
public enum IndicatorEngine {
    /// Lays out the roster, joins the columns the pipeline uses, counts in
    /// parallel and rolls up.
    public static func run(_ pipeline: CompiledPipeline, ingest: IngestResult, referenceDate: Int32, threads: Int) -> EngineResult {
        var stages: [(String, Double)] = []
        var clock = Date()
        func lap(_ stage: String) {
            stages.append((stage, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        let roster = Roster(ingest)
        lap("layout")
        let source = RosterSource(ingest: ingest, roster: roster, referenceDate: referenceDate)
        let columns = parallelMap(count: pipeline.columns.count, workers: threads) { pipeline.columns[$0].build(source) }
        lap("join")
        let width = pipeline.columnCount
        let counters = IndicatorCounter(roster: roster, indicators: pipeline.indicators, columns: width,
                                        columnValues: columns, cacheSlots: pipeline.cacheSlotCount, threads: threads).count()
        lap("count")
        let hierarchy = AreaHierarchy(register: AreaRegister(ingest: ingest, definition: pipeline.definition),
                                      siteCodes: roster.siteCodes, definition: pipeline.definition)
        let cellChains = hierarchy.cellChains(roster)
        let (numerators, denominators) = AreaHierarchy.rollUp(counters, chains: cellChains,
                                                              areaCount: hierarchy.areas.count, columns: width)
        let table = IndicatorTable(indicators: pipeline.indicatorDefinitions, areas: hierarchy.areas,
                                   numerators: numerators, denominators: denominators)
        lap("rollup")
        // The clue list (when the pipeline has one) and the compliance lists, found in one pass.
        let clueSearch = pipeline.clueIndicator.map {
            ClueSearch(indicator: pipeline.indicators[$0], signals: pipeline.clueSignals,
                       conditions: pipeline.definition.clues?.signals.map(\.condition.text) ?? [])
        }
        let searches = (clueSearch.map { [$0] } ?? []) + pipeline.lists.map { list in
            ClueSearch(indicator: pipeline.indicators[list.indicator], selection: list.specification.selection,
                       signals: list.reasons, conditions: list.specification.reasons.map(\.condition.text))
        }
        var found = ClueFinder(roster: roster, ingest: ingest, searches: searches, columns: columns,
                               cacheSlots: pipeline.cacheSlotCount, threads: threads).find()[...]
        let clues = clueSearch == nil ? ClueList(signals: [], households: []) : found.removeFirst()
        let lists = zip(pipeline.lists, found).map { list, found in
            let specification = list.specification
            return HouseholdList(id: specification.id, labelZH: specification.labelZH, labelEN: specification.labelEN,
                                 indicator: specification.indicator, selection: specification.selection,
                                 reasons: found.signals, households: found.households)
        }
        lap("clues")
        var households: HouseholdFacts?
        if pipeline.definition.earlyWarning != nil {
            households = HouseholdFacts(roster: roster, ingest: ingest, signals: pipeline.householdSignals,
                                        columns: columns, cacheSlots: pipeline.cacheSlotCount, threads: threads)
            lap("households")
        }
        return EngineResult(table: table, clues: clues, lists: lists, evaluation: pipeline.definition.evaluation,
                            households: households,
                            chains: AreaChains(cells: cellChains, villages: hierarchy.villageChain),
                            stageSeconds: stages)
    }
}
