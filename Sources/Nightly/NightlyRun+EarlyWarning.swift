import EarlyWarning
import Engine
import Foundation
import Ingest
import Warehouse

extension NightlyRun {
    /// Tonight's early warning: the household key (created on first use), the
    /// history before tonight, the flows, alerts and lists. Nil when the
    /// pipeline has no `early_warning:`.
    func earlyWarning(_ pipeline: CompiledPipeline, result: EngineResult, warehouse: Warehouse?,
                      referenceDate: Int32) throws -> EarlyWarningNight? {
        guard let specification = pipeline.definition.earlyWarning, let facts = result.households else { return nil }
        var key: HouseholdKey?
        var basis: HistoryBasis?
        var history = AlertHistory()
        if let warehouse {
            guard let path = HouseholdKey.path(pipelineKeyFile: specification.keyFile, pipelinePath: settings.pipeline)
            else {
                throw NightFailure(.pipelineError, "error: the household history needs a key file: name it in the "
                    + "pipeline (early_warning: key_file: PATH) or in \(HouseholdKey.environmentVariable)")
            }
            do {
                key = try HouseholdKey.loadOrCreate(path: path)
            } catch {
                throw NightFailure(.outputFailed, "\(error)")
            }
            var clock = StepClock()
            basis = try warehouse.householdBasis(before: settings.date, threads: settings.threads)
            clock.lap("reading the state")
            history = try warehouse.alertHistory(before: settings.date, settings: specification.settings,
                                                 watched: specification.outlierIndicators)
            clock.lap("reading the alert history")
            for step in clock.steps { settings.log("  early warning \(step.description)") }
        }
        let warning = EarlyWarningNight(facts: facts, table: result.table, chains: result.chains, night: referenceDate,
                                        specification: specification, basis: basis, key: key, alertHistory: history,
                                        threads: settings.threads)
        for step in warning.steps { settings.log("  early warning \(step.description)") }
        return warning
    }
}

extension RunManifest.EarlyWarning {
    init(_ warning: EarlyWarningNight) {
        self.init(comparedWith: warning.summary.comparedWith, note: warning.summary.note, households: warning.households,
                  historyRowsWritten: warning.edit.count,
                  alerts: Dictionary(warning.summary.alerts.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +))
    }
}
