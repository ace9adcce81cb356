// The pipeline part of the fuzz target: YAML, the expression parser, the
// type checker and the compiler. Any input must end in a compiled pipeline or
// a `PipelineError` at a real line and column: never a crash, a hang, a stack
// overflow or another kind of error.

import Engine
import Ingest

/// Reads `input` as a whole pipeline file, and as the numerator of an otherwise valid one.
func fuzzPipeline(_ input: [UInt8]) {
    let text = String(decoding: input, as: UTF8.self)
    fuzzCompile(text, what: "the input as a pipeline file")
    let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
    fuzzCompile(FuzzPipelineText.prefix + body + "\n", what: "the input as an expression")
}

enum FuzzPipelineText {
    /// A valid pipeline up to a numerator written as a literal block (the input goes after it).
    static let prefix = """
        name: fuzz
        province:
          name: 贵州省
        parameters:
          monitoring_line: 7500
          max_quarantine_share: 0.05
        derived:
          household:
            covered: category in ['poverty_alleviated', 'monitored']
            low_income: income_per_capita < monitoring_line
        indicators:
          - id: fuzzed
            label_zh: 模糊
            label_en: Fuzzed
            entity: household
            unit: households
            denominator: covered
            numerator: |-

        """
    static let referenceDate = DayNumber.from(year: 2026, month: 11, day: 28) ?? 0
}

func fuzzCompile(_ text: String, what: String) {
    // YAML also breaks lines at a lone CR, NEL, LS and PS: count them all, as an upper bound.
    let lines = 1 + text.unicodeScalars.filter { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }.count
    do {
        let definition = try PipelineFile.parse(text, file: "fuzz.yaml")
        _ = try CompiledPipeline.compile(definition, referenceDate: FuzzPipelineText.referenceDate)
    } catch let error as PipelineError {
        guard error.line >= 1, error.column >= 1, error.line <= lines + 1, !error.message.isEmpty else {
            fatalError("\(what): an error at an impossible place: \(error)")
        }
    } catch {
        fatalError("\(what): not a PipelineError: \(error)")
    }
}
