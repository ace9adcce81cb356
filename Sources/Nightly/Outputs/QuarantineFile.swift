import Foundation
import Reports

/// `quarantine.csv`: every rejected row with its reason.
struct QuarantineFile: NightOutput {
    let path = "quarantine.csv"

    func write(_ night: Night, to folder: URL) throws {
        try OutputBytes.write(Data(QuarantineCSV.text(night.quarantine).utf8), to: folder.appendingPathComponent(path))
    }
}
