/// An indicator ready to count: its programs over its entity, and the
/// columns of the result it fills (one, or one per value of its breakdown).
struct CompiledIndicator {
    let definition: IndicatorDefinition
    let numerator: any VectorNode
    let denominator: (any VectorNode)?
    /// Whether numerator and denominator are conditions (each row counted once) rather than numbers summed.
    let countsRows: (numerator: Bool, denominator: Bool)
    /// The `by:` field's program, when the indicator is broken down.
    let breakdown: BreakdownProgram?
    /// Position of its first column among the result's indicators.
    let firstColumn: Int
    /// Its result columns: one per breakdown value, else one.
    let definitions: [IndicatorDefinition]
}

/// A breakdown field as the counter reads it: each row's word (1-based, 0 =
/// missing) or set of words (bit i = word i).
struct BreakdownProgram {
    let field: any VectorNode
    let isSet: Bool
    let valueCount: Int
}

/// A compliance list ready to run: which households, and the reasons' programs.
struct CompiledHouseholdList {
    let specification: HouseholdListSpecification
    /// Position of the indicator in `CompiledPipeline.indicators`.
    let indicator: Int
    let reasons: [(ClueSignal, any VectorNode)]
}

/// The pipeline file compiled: every expression type-checked and turned into
/// a vector program. Built before any feed is read; an immutable value that
/// holds no run state, so one compiled pipeline can serve any number of nights.
public struct CompiledPipeline: Sendable {
    public let definition: PipelineDefinition
    let indicators: [CompiledIndicator]
    /// The clue indicator's position and its signal programs (household entity).
    let clueIndicator: Int?
    let clueSignals: [(ClueSignal, any VectorNode)]
    let lists: [CompiledHouseholdList]
    /// Columns the programs read, by the position their `ColumnNode`s name;
    /// each night builds them and hands them to the programs in an `EvaluationContext`.
    let columns: [FieldDescriptor]
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
        var indicators: [CompiledIndicator] = []
        var column = 0
        for specification in definition.indicators {
            let indicator = try compileIndicator(specification, compiler, firstColumn: column)
            column += indicator.definitions.count
            indicators.append(indicator)
        }
        var clueIndicator: Int?
        var clueSignals: [(ClueSignal, any VectorNode)] = []
        if let clues = definition.clues {
            let index = try householdIndicator(clues.indicator, at: clues.indicatorLocation, in: indicators, definition,
                                               section: "clues.indicator")
            clueIndicator = index
            clueSignals = try clues.signals.map { signal in
                (signal.signal, try compiler.compile(signal.condition, entity: .household, expecting: [.bool],
                                                     role: "clue signal '\(signal.signal.id)'").0)
            }
        }
        let lists = try definition.lists.map { try compileList($0, indicators, definition, compiler) }
        try checkEvaluation(definition, indicators)
        return CompiledPipeline(definition: definition, indicators: indicators, clueIndicator: clueIndicator,
                                clueSignals: clueSignals, lists: lists,
                                columns: compiler.columns,
                                cacheSlotCount: compiler.cacheSlotCount)
    }

    /// The result's indicators in catalogue order, each breakdown as its values.
    public var indicatorDefinitions: [IndicatorDefinition] { indicators.flatMap(\.definitions) }

    /// Number of result columns (indicators, breakdowns counted per value).
    var columnCount: Int { indicators.last.map { $0.firstColumn + $0.definitions.count } ?? 0 }
}
