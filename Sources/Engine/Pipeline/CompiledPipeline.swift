/// An indicator ready to count: its programs over its entity.
struct CompiledIndicator {
    let definition: IndicatorDefinition
    let numerator: VectorNode
    let denominator: VectorNode?
}

/// The pipeline file compiled: every expression type-checked and turned into
/// a vector program. Built before any feed is read.
public struct CompiledPipeline: @unchecked Sendable {
    public let definition: PipelineDefinition
    let indicators: [CompiledIndicator]
    /// The clue indicator's position and its signal programs (household entity).
    let clueIndicator: Int?
    let clueSignals: [(ClueSignal, VectorNode)]
    /// Columns the programs read; filled when the feeds are bound.
    let slots: [ColumnSlot]
    /// Derived fields cached per batch.
    let cacheSlotCount: Int

    /// Compiles `definition` for a run on `referenceDate` (day number).
    public static func compile(_ definition: PipelineDefinition, referenceDate: Int32) throws -> CompiledPipeline {
        let compiler = Compiler(pipeline: definition, referenceDate: referenceDate)
        for field in definition.derived {
            // Compile every derived field, used or not, so its errors show.
            _ = try compiler.compile(field.expression, entity: field.entity, expecting: [.bool, .int, .money, .date],
                                     role: "derived field '\(field.name)'")
        }
        let indicators = try definition.indicators.map { specification -> CompiledIndicator in
            let entity = specification.definition.entity
            let (numerator, _) = try compiler.compile(specification.numerator, entity: entity, expecting: [.bool, .int],
                                                      role: "the numerator of \(specification.definition.id)")
            let denominator = try specification.denominator.map {
                try compiler.compile($0, entity: entity, expecting: [.bool, .int],
                                     role: "the denominator of \(specification.definition.id)").0
            }
            return CompiledIndicator(definition: specification.definition, numerator: numerator, denominator: denominator)
        }
        var clueIndicator: Int?
        var clueSignals: [(ClueSignal, VectorNode)] = []
        if let clues = definition.clues {
            guard let index = indicators.firstIndex(where: { $0.definition.id == clues.indicator }),
                  indicators[index].definition.entity == .household else {
                throw PipelineError(file: definition.file, line: clues.indicatorLocation.line, column: clues.indicatorLocation.column,
                                    message: "clues.indicator must name a household indicator of this file, found '\(clues.indicator)'")
            }
            clueIndicator = index
            clueSignals = try clues.signals.map { signal in
                (signal.signal, try compiler.compile(signal.condition, entity: .household, expecting: [.bool],
                                                     role: "clue signal '\(signal.signal.id)'").0)
            }
        }
        return CompiledPipeline(definition: definition, indicators: indicators, clueIndicator: clueIndicator,
                                clueSignals: clueSignals, slots: compiler.slots.keys.sorted().map { compiler.slots[$0]! },
                                cacheSlotCount: compiler.cacheSlotCount)
    }

    /// The indicator definitions in catalogue order.
    public var indicatorDefinitions: [IndicatorDefinition] { indicators.map(\.definition) }
}
