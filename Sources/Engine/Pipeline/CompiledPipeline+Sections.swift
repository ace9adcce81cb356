/// Compiling the parts of the pipeline beyond plain expressions: breakdowns,
/// compliance lists, and the checks of the evaluation panel.
extension CompiledPipeline {
    static func compileIndicator(_ specification: IndicatorSpecification, _ compiler: Compiler,
                                 firstColumn: Int) throws -> CompiledIndicator {
        let definition = specification.definition
        let entity = definition.entity
        let (numerator, numeratorType) = try compiler.compile(specification.numerator, entity: entity, expecting: [.bool, .int],
                                                              role: "the numerator of \(definition.id)")
        let denominatorProgram = try specification.denominator.map {
            try compiler.compile($0, entity: entity, expecting: [.bool, .int], role: "the denominator of \(definition.id)")
        }
        let denominator = denominatorProgram?.0
        let countsRows = (numeratorType == .bool, denominatorProgram?.1 == .bool)
        guard let by = specification.by else {
            return CompiledIndicator(definition: definition, numerator: numerator, denominator: denominator, countsRows: countsRows, breakdown: nil,
                                     firstColumn: firstColumn, definitions: [definition])
        }
        let (field, type) = try compiler.breakdownField(by.field, entity: entity, indicator: definition.id)
        let (name, words, isSet): (String, [String], Bool) = switch type {
        case .choice(let name, let words): (name, words, false)
        case .choiceSet(let name, let words): (name, words, true)
        default: preconditionFailure("breakdownField returns words")
        }
        var labels: [String: String] = [:]
        for entry in by.labelsZH {
            guard words.contains(entry.value) else {
                throw compiler.error(at: entry.location, "'\(entry.value)' is not a value of \(name); expected one of: \(words.joined(separator: ", "))")
            }
            labels[entry.value] = entry.label
        }
        let definitions = words.map { word in
            let label = labels[word] ?? word
            return IndicatorDefinition(
                id: definition.id + "." + word, labelZH: definition.labelZH + "：" + label,
                labelEN: definition.labelEN + ": " + word, entity: entity, numerator: definition.numerator,
                denominator: definition.denominator, unit: definition.unit, decimals: definition.decimals,
                target: definition.target, inSummary: definition.inSummary, isKey: false,
                breakdown: Breakdown(indicator: definition.id, field: name, value: word, valueLabelZH: label, isSet: isSet))
        }
        return CompiledIndicator(definition: definition, numerator: numerator, denominator: denominator, countsRows: countsRows,
                                 breakdown: BreakdownProgram(field: field, isSet: isSet, valueCount: words.count),
                                 firstColumn: firstColumn, definitions: definitions)
    }

    /// The position of a household indicator named in another section, or an error at `location`.
    static func householdIndicator(_ id: String, at location: SourceLocation, in indicators: [CompiledIndicator],
                                   _ definition: PipelineDefinition, section: String) throws -> Int {
        guard let index = indicators.firstIndex(where: { $0.definition.id == id }),
              indicators[index].definition.entity == .household, indicators[index].breakdown == nil else {
            throw PipelineError(file: definition.file, line: location.line, column: location.column,
                                message: "\(section) must name a household indicator of this file (not broken down), found '\(id)'")
        }
        return index
    }

    static func compileList(_ list: HouseholdListSpecification, _ indicators: [CompiledIndicator],
                            _ definition: PipelineDefinition, _ compiler: Compiler) throws -> CompiledHouseholdList {
        let index = try householdIndicator(list.indicator, at: list.indicatorLocation, in: indicators, definition,
                                           section: "the indicator of list '\(list.id)'")
        let indicator = indicators[index]
        let location = list.indicatorLocation
        // A list has one row per household counted, so the parts it uses must be conditions.
        guard indicator.countsRows.numerator,
              list.selection == .numerator || (indicator.denominator != nil && indicator.countsRows.denominator) else {
            throw PipelineError(file: definition.file, line: location.line, column: location.column,
                                message: "list '\(list.id)' needs an indicator whose numerator\(list.selection == .numerator ? "" : " and denominator") are conditions (each household counted once)")
        }
        let reasons = try list.reasons.map { reason in
            (reason.signal, try compiler.compile(reason.condition, entity: .household, expecting: [.bool],
                                                 role: "reason '\(reason.signal.id)' of list '\(list.id)'").0)
        }
        return CompiledHouseholdList(specification: list, indicator: index, reasons: reasons)
    }

    /// Every indicator the evaluation panel names exists and is not broken down.
    static func checkEvaluation(_ definition: PipelineDefinition, _ indicators: [CompiledIndicator]) throws {
        for (dimension, locations) in zip(definition.evaluation, definition.evaluationLocations) {
            for (id, location) in zip(dimension.indicators, locations)
            where !indicators.contains(where: { $0.definition.id == id && $0.breakdown == nil }) {
                throw PipelineError(file: definition.file, line: location.line, column: location.column,
                                    message: "evaluation '\(dimension.id)' names '\(id)', which is not an indicator of this file (or is broken down)")
            }
        }
    }
}

extension CompiledPipeline {
    /// The early warning's hard signals as household programs; its outlier indicators must be indicators of the file.
    static func compileEarlyWarning(_ definition: PipelineDefinition, _ indicators: [CompiledIndicator],
                                    _ compiler: Compiler) throws -> [(ClueSignal, any VectorNode)] {
        guard let warning = definition.earlyWarning else { return [] }
        let ids = Set(indicators.flatMap(\.definitions).map(\.id))
        for (name, location) in zip(warning.outlierIndicators, warning.outlierLocations) where !ids.contains(name) {
            throw PipelineError(file: definition.file, line: location.line, column: location.column,
                                message: "early_warning.outlier_indicators names '\(name)', which is not an indicator of this file")
        }
        return try warning.signals.map { signal in
            (signal.signal, try compiler.compile(signal.condition, entity: .household, expecting: [.bool],
                                                 role: "hard signal '\(signal.signal.id)'").0)
        }
    }
}
