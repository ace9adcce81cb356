import Testing
@testable import Engine

/// Mistakes in `by:`, `groups:`, `lists:`, `evaluation:` and in products are
/// reported with the line and column of the word at fault.
@Suite struct CatalogueSectionErrorTests {
    /// A pipeline with one household indicator carrying `extra` lines, then `tail` sections.
    static func pipeline(_ extra: String, tail: String = "") -> String {
        """
        name: test
        province:
          name: 贵州省
        parameters:
          monitoring_line: 7500
        indicators:
          - id: sample
            label_zh: 样本
            label_en: Sample
            entity: household
            numerator: category = 'monitored'
            unit: households
        \(extra)
        \(tail)
        """
    }

    static func error(_ text: String) -> PipelineError? {
        do {
            _ = try CompiledPipeline.compile(try PipelineFile.parse(text, file: "test.yaml"), referenceDate: 20_000)
        } catch let error as PipelineError {
            return error
        } catch {
            return nil
        }
        return nil
    }

    @Test func byNeedsAFieldOfWords() throws {
        let error = try #require(Self.error(Self.pipeline("    by: income_per_capita")))
        #expect((error.line, error.column) == (13, 9))
        #expect(error.message.contains("income_per_capita") && error.message.contains("field of words"))
    }

    @Test func byRejectsAnUnknownFieldWithASuggestion() throws {
        let error = try #require(Self.error(Self.pipeline("    by: monitoring_typ")))
        #expect((error.line, error.column) == (13, 9))
        #expect(error.message.contains("did you mean 'monitoring_type'"))
    }

    @Test func byLabelsMustNameValuesOfTheField() throws {
        let error = try #require(Self.error(Self.pipeline("    by: monitoring_type\n    by_labels: { unstable: 脱贫不稳定户, unstabel: x }")))
        #expect((error.line, error.column) == (14, 36))
        #expect(error.message.contains("'unstabel' is not a value of monitoring_type"))
    }

    @Test func aBreakdownOfAValidFieldCompilesToOneColumnPerValue() throws {
        let definition = try PipelineFile.parse(Self.pipeline("    by: monitoring_type"), file: "test.yaml")
        let compiled = try CompiledPipeline.compile(definition, referenceDate: 20_000)
        #expect(compiled.indicatorDefinitions.map(\.id) == ["sample.unstable", "sample.marginal", "sample.sudden_hardship"])
    }

    @Test func aGroupNamesAFlagOfRegions() throws {
        let error = try #require(Self.error(Self.pipeline("", tail: "groups:\n  - { id: key, name: 重点县, counties: key_countie }")))
        #expect((error.line, error.column) == (15, 37))
        #expect(error.message.contains("key_county"))
    }

    @Test func aListNamesAHouseholdIndicatorOfTheFile() throws {
        let tail = "lists:\n  - id: omitted\n    label_zh: 应纳未纳\n    label_en: Omitted\n    indicator: sampel\n    reasons: []"
        let error = try #require(Self.error(Self.pipeline("", tail: tail)))
        #expect((error.line, error.column) == (18, 16))
        #expect(error.message.contains("sampel"))
    }

    @Test func aDenominatorListNeedsADenominator() throws {
        let tail = "lists:\n  - id: rest\n    label_zh: 其余\n    label_en: Rest\n    indicator: sample\n    households: denominator_not_numerator\n    reasons: []"
        let error = try #require(Self.error(Self.pipeline("", tail: tail)))
        #expect(error.line == 18)
        #expect(error.message.contains("denominator"))
    }

    @Test func evaluationNamesIndicatorsOfTheFile() throws {
        let tail = "evaluation:\n  - { id: accuracy, label_zh: 准确, label_en: Accuracy, indicators: [sample, accuracy_rate] }"
        let error = try #require(Self.error(Self.pipeline("", tail: tail)))
        #expect((error.line, error.column) == (15, 76))
        #expect(error.message.contains("accuracy_rate"))
    }

    @Test func aProductNeedsAFieldAndANumber() throws {
        let bad = Self.pipeline("").replacingOccurrences(of: "numerator: category = 'monitored'",
                                                         with: "numerator: income_per_capita * income_per_capita > 0")
        let error = try #require(Self.error(bad))
        #expect(error.line == 11)
        #expect(error.message.contains("'*' multiplies"))
        let fine = Self.pipeline("").replacingOccurrences(
            of: "numerator: category = 'monitored'",
            with: "numerator: income_per_capita * (1 - 0.3) <= 1.5 * monitoring_line and inclusion_date >= start_of_year")
        #expect(Self.error(fine) == nil)
    }
}
