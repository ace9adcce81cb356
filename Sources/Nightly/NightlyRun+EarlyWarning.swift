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
            var clock = Date()
            basis = try warehouse.householdBasis(before: settings.date, threads: settings.threads)
            settings.log(String(format: "  early warning reading the state: %.3f s", Date().timeIntervalSince(clock)))
            clock = Date()
            history = try warehouse.alertHistory(before: settings.date, settings: specification.settings,
                                                 watched: specification.outlierIndicators)
            settings.log(String(format: "  early warning reading the alert history: %.3f s",
                                Date().timeIntervalSince(clock)))
        }
        let warning = EarlyWarningNight(facts: facts, table: result.table, chains: result.chains, night: referenceDate,
                                        specification: specification, basis: basis, key: key, alertHistory: history,
                                        threads: settings.threads)
        for (stage, seconds) in warning.stageSeconds {
            settings.log(String(format: "  early warning %@: %.3f s", stage, seconds))
        }
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
