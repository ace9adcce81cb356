import Testing
@testable import Engine

/// Hostile or careless values in the pipeline file: every one is refused with
/// the line and column of the value, before any feed is read; none crashes,
/// hangs or overflows the stack.
@Suite struct PipelineValueTests {
    /// A pipeline with `parameters` (indented lines), `target` on the indicator and `numerator`.
    static func pipeline(parameters: String = "  monitoring_line: 7500", target: String = "'>= 0.9'",
                         numerator: String = "low_income", id: String = "sample") -> String {
        """
        name: test
        province:
          name: 贵州省
        parameters:
        \(parameters)
        derived:
          household:
            low_income: income_per_capita < monitoring_line
        indicators:
          - id: \(id)
            numerator: \(numerator)
            denominator: 'true'
            target: \(target)
            label_zh: 样本
            label_en: Sample
            entity: household
            unit: households
        """
    }

    static func error(_ text: String) -> PipelineError? {
        do {
            let definition = try PipelineFile.parse(text, file: "test.yaml")
            _ = try CompiledPipeline.compile(definition, referenceDate: 20_000)
            return nil
        } catch let error as PipelineError {
            return error
        } catch {
            Issue.record("not a PipelineError: \(error)")
            return nil
        }
    }

    @Test(arguments: ["'>= 1e309'", "'>= nan'", "'>= inf'", "'<= -1e309'", "'>= 1e3'", "'>= 9999999999999999'"])
    func aTargetMustBeAFinitePlainNumber(target: String) throws {
        let error = try #require(Self.error(Self.pipeline(target: target)))
        #expect((error.line, error.column) == (13, 13), "\(error)")
        #expect(error.message.contains("plain number"), "\(error)")
    }

    @Test func anOrdinaryTargetIsKept() throws {
        let definition = try PipelineFile.parse(Self.pipeline(target: "'>= 0.95'"), file: "test.yaml")
        #expect(definition.indicators.first?.definition.target?.value == 0.95)
    }

    @Test(arguments: ["5", "1e309", "-1", "nan", ".nan", "1.5", "0x10"])
    func maxQuarantineShareIsAShareFromZeroToOne(value: String) throws {
        let text = Self.pipeline(parameters: "  monitoring_line: 7500\n  max_quarantine_share: \(value)")
        let error = try #require(Self.error(text))
        #expect((error.line, error.column) == (6, 25), "\(error)")
        #expect(error.message.contains("from 0 to 1"), "\(error)")
    }

    @Test(arguments: ["0", "0.05", "1"])
    func aValidShareIsKept(value: String) throws {
        let text = Self.pipeline(parameters: "  monitoring_line: 7500\n  max_quarantine_share: \(value)")
        #expect(Self.error(text) == nil)
        #expect(try PipelineFile.parse(text, file: "t.yaml").maxQuarantineShare == Double(value))
    }

    @Test func aMonitoringLineTooLargeForExactArithmeticIsRefused() throws {
        let error = try #require(Self.error(Self.pipeline(parameters: "  monitoring_line: 99999999999999999")))
        #expect((error.line, error.column) == (5, 20), "\(error)")
        #expect(error.message.contains("at most"), "\(error)")
    }

    @Test(arguments: ["income_per_capita < 99999999999999999", "income_per_capita < 9999999999999999.99",
                      "count(members) = 99999999999999999", "count(members) = -9223372036854775808"])
    func aLiteralTooLargeIsRefusedAtItsPosition(numerator: String) throws {
        let error = try #require(Self.error(Self.pipeline(numerator: numerator)))
        #expect(error.line == 11, "\(error)")
        #expect(error.message.contains("at most 15 digits"), "\(error)")
    }

    @Test func arithmeticThatCouldOverflowIsRefusedAtCompileTime() throws {
        let numerator = "sum(members, age) + sum(members, age) + sum(members, age) > 0"
        let error = try #require(Self.error(Self.pipeline(numerator: numerator)))
        #expect((error.line, error.column) == (11, 54), "\(error)")
        #expect(error.message.contains("could exceed"), "\(error)")
        // Two such sums stay within exact 64-bit arithmetic.
        #expect(Self.error(Self.pipeline(numerator: "sum(members, age) + sum(members, age) > 0")) == nil)
    }

    @Test func aProductIsBoundedLikeASum() throws {
        // A product of an amount and a small factor can still take part in a sum.
        #expect(Self.error(Self.pipeline(numerator: "income_per_capita * 0.7 + income_per_capita > 0")) == nil)
        // A factor that could take an amount past exact 64-bit arithmetic is refused at its '*'.
        let error = try #require(Self.error(Self.pipeline(numerator: "income_per_capita * 1000 > 0")))
        #expect(error.message.contains("could exceed"), "\(error)")
    }

    static let chainedAnds: String = "'" + Array(repeating: "relocated = 1", count: 30_001).joined(separator: " and ") + "'"
    static let nestedBrackets: String = "'" + String(repeating: "(", count: 50_000) + "relocated = 1"
        + String(repeating: ")", count: 50_000) + "'"
    static let nots: String = "'" + String(repeating: "not ", count: 100_000) + "relocated = 1'"
    static let additions: String = "'" + Array(repeating: "age", count: 10_000).joined(separator: " + ") + " > 0'"

    @Test(arguments: [("30,000 chained and", chainedAnds), ("50,000 nested brackets", nestedBrackets),
                      ("100,000 not", nots), ("10,000 additions", additions)])
    func deepExpressionsAreRefusedWithoutOverflowingTheStack(what: String, numerator: String) throws {
        let error = try #require(Self.error(Self.pipeline(numerator: numerator)), "\(what)")
        #expect(error.line == 11, "\(what): \(error)")
        #expect(error.message.contains("nests more than 100 levels"), "\(what): \(error)")
    }

    @Test func deeplyNestedYAMLIsRefusedBeforeYAMLReadsIt() throws {
        let text = Self.pipeline() + "\nclues: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let error = try #require(Self.error(text))
        #expect(error.line == 18, "\(error)")
        #expect(error.message.contains("nested more than 64 levels"), "\(error)")
        var indented = "name: test\n"
        for level in 0..<2_000 { indented += String(repeating: " ", count: level) + "k\(level):\n" }
        let deep = try #require(Self.error(indented))
        #expect(deep.message.contains("indented too deeply"), "\(deep)")
    }

    @Test(arguments: ["'tap,\"water<b>=1+2'", "Tap_water", "1rate", "水率", "rate-2", "''"])
    func indicatorIdsAreNames(id: String) throws {
        let error = try #require(Self.error(Self.pipeline(id: id)))
        #expect((error.line, error.column) == (10, 9), "\(error)")
        #expect(error.message.contains("is not a valid name"), "\(error)")
        #expect(!error.message.unicodeScalars.contains { $0.value < 32 })
    }

    @Test func derivedFieldAndParameterNamesAreNames() throws {
        let derived = Self.pipeline().replacingOccurrences(of: "    low_income:", with: "    低收入:")
        #expect(Self.error(derived)?.message.contains("the derived field '低收入' is not a valid name") == true)
        let parameter = Self.pipeline(parameters: "  monitoring_line: 7500\n  Line: 3")
        #expect(Self.error(parameter)?.message.contains("the parameter 'Line' is not a valid name") == true)
    }
}
