import Foundation
import Ingest

/// What the engine produced for one night.
public struct EngineResult: Sendable {
    public let table: IndicatorTable
    public let clues: ClueList
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
        let columns = parallelMap(count: pipeline.slots.count, workers: threads) { pipeline.slots[$0].field.build(source) }
        for (slot, column) in zip(pipeline.slots, columns) { slot.values = column }
        lap("join")
        let counters = IndicatorCounter(roster: roster, indicators: pipeline.indicators, cacheSlots: pipeline.cacheSlotCount,
                                        threads: threads).count()
        lap("count")
        let hierarchy = AreaHierarchy(ingest: ingest, provinceName: pipeline.definition.provinceName)
        let (numerators, denominators) = hierarchy.rollUp(counters, indicatorCount: pipeline.indicators.count)
        let table = IndicatorTable(indicators: pipeline.indicatorDefinitions, areas: hierarchy.areas,
                                   numerators: numerators, denominators: denominators)
        lap("rollup")
        var clues = ClueList(signals: [], households: [])
        if let index = pipeline.clueIndicator {
            clues = ClueFinder(roster: roster, ingest: ingest, indicator: pipeline.indicators[index],
                               signals: pipeline.clueSignals, cacheSlots: pipeline.cacheSlotCount, threads: threads).find()
        }
        lap("clues")
        for slot in pipeline.slots { slot.values = nil }
        return EngineResult(table: table, clues: clues, stageSeconds: stages)
    }
}
