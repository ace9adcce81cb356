import Foundation
import Reports

/// `indicators.csv`: every indicator at every level, one row each.
struct IndicatorsFile: NightOutput {
    let path = "indicators.csv"

    func write(_ night: Night, to folder: URL) throws {
        try OutputBytes.write(Data(IndicatorsCSV.text(night.table).utf8), to: folder.appendingPathComponent(path))
    }
}
