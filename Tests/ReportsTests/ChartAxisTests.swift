import Engine
import Foundation
@testable import Reports
import Testing

/// The bar chart's axis ends for any target, even one that is not finite
/// (the pipeline file refuses those; the chart must not hang if one gets through).
@Suite struct ChartAxisTests {
    static func definition(target: Double) -> IndicatorDefinition {
        IndicatorDefinition(id: "households", labelZH: "户数", labelEN: "Households", entity: .household, numerator: "true",
                            denominator: nil, unit: "households", decimals: 0,
                            target: Target(comparison: .atLeast, value: target), inSummary: true, isKey: true)
    }

    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan, 1e308, 1.7976931348623157e308, 5e-324])
    func anAxisEndsForEveryTarget(target: Double) {
        let bar = BarChart.Bar(code: "520102", label: "南明区", value: 12, text: "12", missed: false)
        let chart = BarChart(definition: Self.definition(target: target), bars: [bar], language: .zh, caption: "户数")
        #expect(chart.axis.maximum.isFinite && chart.axis.maximum > 0, "\(chart.axis)")
        #expect(chart.axis.step.isFinite && chart.axis.step > 0, "\(chart.axis)")
        #expect(!chart.svg.contains("nan") && !chart.svg.contains("inf"))
    }

    @Test(arguments: [Double.infinity, Double.nan, 0, -3, 1e-300])
    func roundStepIsFiniteAndPositive(value: Double) {
        let step = BarChart.roundStep(value, whole: true)
        #expect(step.isFinite && step >= 1)
    }
}
