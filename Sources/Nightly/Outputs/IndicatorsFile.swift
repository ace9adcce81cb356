import Foundation
import Ingest
import Reports

/// `indicators.csv`: every indicator at every level, one row each, written in pieces.
struct IndicatorsFile: NightOutput {
    let path = "indicators.csv"

    func write(_ night: Night, to folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        do {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try IndicatorsCSV.write(night.table) { try handle.write(contentsOf: Data(buffer: $0)) }
        } catch {
            throw ReportError.cannotWrite(path: url.path, reason: SystemErrorText.describe(error))
        }
    }
}
