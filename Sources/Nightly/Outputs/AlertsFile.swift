import Foundation
import Reports

/// `alerts.csv`: tonight's county alerts (written when the pipeline has `early_warning:`).
struct AlertsFile: NightOutput {
    let path = "alerts.csv"

    func write(_ night: Night, to folder: URL) throws {
        guard let warning = night.inputs.earlyWarning else { return }
        try OutputBytes.write(Data(AlertsCSV.text(warning.alerts).utf8), to: folder.appendingPathComponent(path))
    }
}
