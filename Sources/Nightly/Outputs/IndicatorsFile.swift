import Foundation
import Ingest
import Reports

/// `indicators.csv`: every indicator at every level, one row each, written in pieces formatted on the night's threads.
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
            try IndicatorsCSV.write(night.table, threads: night.options.threads) { piece in
                guard let start = piece.baseAddress else { return }
                try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: start), count: piece.count,
                                                  deallocator: .none))
            }
        } catch {
            throw ReportError.cannotWrite(path: url.path, reason: SystemErrorText.describe(error))
        }
    }
}
