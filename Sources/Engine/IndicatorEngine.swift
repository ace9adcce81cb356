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
        let (numerators, denominators) = AreaHierarchy.rollUp(counters, chains: hierarchy.cellChains(roster),
                                                              areaCount: hierarchy.areas.count, columns: width)
        let table = IndicatorTable(indicators: pipeline.indicatorDefinitions, areas: hierarchy.areas,
                                   numerators: numerators, denominators: denominators)
        lap("rollup")
        var clues = ClueList(signals: [], households: [])
        if let index = pipeline.clueIndicator {
            clues = ClueFinder(roster: roster, ingest: ingest, indicator: pipeline.indicators[index],
                               signals: pipeline.clueSignals, columns: columns, cacheSlots: pipeline.cacheSlotCount, threads: threads).find()
        }
        let lists = pipeline.lists.map { list in
            let specification = list.specification
            let found = ClueFinder(roster: roster, ingest: ingest, indicator: pipeline.indicators[list.indicator],
                                   selection: specification.selection, signals: list.reasons, columns: columns,
                                   cacheSlots: pipeline.cacheSlotCount, threads: threads).find()
            return HouseholdList(id: specification.id, labelZH: specification.labelZH, labelEN: specification.labelEN,
                                 indicator: specification.indicator, selection: specification.selection,
                                 reasons: found.signals, households: found.households)
        }
        lap("clues")
        return EngineResult(table: table, clues: clues, lists: lists, evaluation: pipeline.definition.evaluation,
                            stageSeconds: stages)
    }
}
