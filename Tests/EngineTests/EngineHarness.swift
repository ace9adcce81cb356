import Foundation
import Ingest
@testable import Engine

/// Runs the real stages (ingest, compile, count) on a folder of real CSV files.
enum EngineHarness {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let guizhouPipeline = repository.appendingPathComponent("Pipelines/guizhou.yaml").path

    static func run(folder: String, pipeline: PipelineDefinition, date: String = "2026-11-28", threads: Int = 2) throws -> EngineResult {
        let day = DayNumber.parse(date)!
        let compiled = try CompiledPipeline.compile(pipeline, referenceDate: day)
        var options = IngestOptions(referenceDate: day, threads: threads)
        options.feedsThatMayBeEmpty = pipeline.feedsThatMayBeEmpty
        let ingest = try Ingestor.load(folder: folder, options: options)
        return IndicatorEngine.run(compiled, ingest: ingest, referenceDate: day, threads: threads)
    }

    static func run(folder: String, date: String = "2026-11-28", threads: Int = 2) throws -> EngineResult {
        try run(folder: folder, pipeline: try PipelineFile.load(path: guizhouPipeline), date: date, threads: threads)
    }

    /// The figure of one (level, code, indicator).
    static func figure(_ table: IndicatorTable, _ level: RollupLevel, _ code: String, _ indicator: String)
        -> (numerator: Int64, denominator: Int64, value: String)? {
        guard let area = table.areas.firstIndex(where: { $0.level == level && $0.code == code }),
              let k = table.indicatorIndex(indicator) else { return nil }
        return (table.numerator(area: area, indicator: k), table.denominator(area: area, indicator: k),
                table.formattedValue(area: area, indicator: k))
    }

    /// The guizhou pipeline text with `extra` appended under `indicators:`.
    static func guizhouText() throws -> String {
        try String(contentsOfFile: guizhouPipeline, encoding: .utf8)
    }
}
