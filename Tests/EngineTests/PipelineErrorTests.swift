import Testing
@testable import Engine

/// Every kind of mistake in the pipeline file is reported with the line and
/// column of the offending word, before any feed is read.
@Suite struct PipelineErrorTests {
    /// A minimal pipeline whose first indicator's numerator is `numerator` (on line 8, from column 16).
    static func pipeline(numerator: String, derived: String = "") -> String {
        """
        name: test
        province:
          name: 贵州省
        parameters:
          monitoring_line: 7500
        indicators:
          - id: sample
            numerator: \(numerator)
            label_zh: 样本
            label_en: Sample
            entity: household
            unit: households
        \(derived)
        """
    }

    static func error(_ text: String) throws -> PipelineError {
        do {
            let definition = try PipelineFile.parse(text, file: "test.yaml")
            _ = try CompiledPipeline.compile(definition, referenceDate: 20_000)
        } catch let error as PipelineError {
            return error
        }
        Issue.record("expected a pipeline error")
        return PipelineError(file: "", line: 0, column: 0, message: "")
    }

    @Test func aValidPipelineCompiles() throws {
        let definition = try PipelineFile.parse(Self.pipeline(numerator: "category = 'monitored'"), file: "test.yaml")
        #expect(throws: Never.self) { try CompiledPipeline.compile(definition, referenceDate: 20_000) }
    }

    @Test func syntaxErrorPointsAtTheToken() throws {
        let error = try Self.error(Self.pipeline(numerator: "category = = 'monitored'"))
        #expect((error.line, error.column) == (8, 27))
        #expect(error.message.contains("expected a field"))
        #expect(error.description.hasPrefix("test.yaml:8:27: error:"))
    }

    @Test func unknownFieldIsNamedWithASuggestion() throws {
        let error = try Self.error(Self.pipeline(numerator: "relocated = 1 and catgory = 'monitored'"))
        #expect((error.line, error.column) == (8, 34))
        #expect(error.message.contains("unknown field 'catgory'"))
        #expect(error.message.contains("'category'"))
    }

    @Test func unknownWordOfAChoiceField() throws {
        let error = try Self.error(Self.pipeline(numerator: "category = 'monitered'"))
        #expect((error.line, error.column) == (8, 27))
        #expect(error.message.contains("poverty_alleviated, monitored, ordinary"))
    }

    @Test func typeMismatchInAComparison() throws {
        let error = try Self.error(Self.pipeline(numerator: "clue_date = income_per_capita"))
        #expect((error.line, error.column) == (8, 26))
        #expect(error.message.contains("cannot compare a date with an amount"))
    }

    @Test func numeratorMustBeAConditionOrANumber() throws {
        let error = try Self.error(Self.pipeline(numerator: "clue_date"))
        #expect(error.line == 8)
        #expect(error.message.contains("numerator of sample must be"))
    }

    @Test func memberAggregateOnlyForHouseholds() throws {
        let text = Self.pipeline(numerator: "true").replacingOccurrences(of: "entity: household", with: "entity: person")
            .replacingOccurrences(of: "numerator: true", with: "numerator: any(members, age > 3)")
        let error = try Self.error(text)
        #expect((error.line, error.column) == (8, 16))
        #expect(error.message.contains("for household expressions"))
    }

    @Test func errorInsideADerivedFieldPointsIntoIt() throws {
        let derived = """
        derived:
          household:
            poor: income_per_capita < 'low'
        """
        let error = try Self.error(Self.pipeline(numerator: "poor", derived: derived))
        #expect((error.line, error.column) == (15, 31))
    }

    /// The empty lines a YAML block starts with are part of its text: they are counted once (found by the fuzz target).
    @Test func errorInABlockAfterEmptyLinesPointsAtItsLine() throws {
        let error = try Self.error(Self.pipeline(numerator: "|-\n\n\n      category = 'monitored' x"))
        #expect((error.line, error.column) == (11, 30))
    }

    @Test func selfReferenceIsRefused() throws {
        let derived = """
        derived:
          household:
            a: b
            b: a
        """
        let error = try Self.error(Self.pipeline(numerator: "a", derived: derived))
        #expect(error.message.contains("refers to itself"))
    }

    @Test func unknownKeyAndMissingKeyInTheYAML() throws {
        let misspelt = try Self.error(Self.pipeline(numerator: "true").replacingOccurrences(of: "unit:", with: "units:"))
        #expect((misspelt.line, misspelt.column) == (12, 5))
        #expect(misspelt.message.contains("unknown key 'units'"))
        let missing = try Self.error(Self.pipeline(numerator: "true").replacingOccurrences(of: "    unit: households\n", with: ""))
        #expect(missing.line == 7)
        #expect(missing.message.contains("missing key 'unit'"))
    }

    @Test func brokenYAMLIsReportedWithItsPlace() throws {
        let error = try Self.error("name: test\nprovince: [a\n")
        #expect(error.line >= 2)
        #expect(error.message.hasPrefix("YAML:"))
    }

    @Test func badTarget() throws {
        let text = Self.pipeline(numerator: "true") + "    target: 'about 99%'\n"
        let error = try Self.error(text.replacingOccurrences(of: "\n\n", with: "\n"))
        #expect(error.message.contains("expected a target"))
    }
}
