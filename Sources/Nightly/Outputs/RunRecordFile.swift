import Foundation
import Reports

/// `run.json`: what the run read, with which settings, and how long each stage took.
struct RunRecordFile: NightOutput {
    let path = "run.json"

    func write(_ night: Night, to folder: URL) throws {
        try OutputBytes.write(Data(try night.manifest.json().utf8), to: folder.appendingPathComponent(path))
    }
}
