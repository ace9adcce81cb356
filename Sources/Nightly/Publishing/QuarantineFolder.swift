import Foundation
import Ingest
import Reports

/// `check --out`: writes `quarantine.csv` into a folder, replacing only that
/// file (a temporary file renamed over it). The folder's other files, such as
/// a published night's outputs, stay as they are.
enum QuarantineFolder {
    static func write(_ records: QuarantineLog, into folder: String) throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        let target = url.appendingPathComponent("quarantine.csv")
        let partial = url.appendingPathComponent(".quarantine.csv.partial")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try QuarantineCSV.write(records, to: partial)
            guard rename(partial.path, target.path) == 0 else {
                throw ReportError.cannotWrite(path: target.path, reason: SystemErrorText.describe(errno: errno))
            }
        } catch let error as ReportError {
            try? FileManager.default.removeItem(at: partial)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw ReportError.cannotWrite(path: target.path, reason: SystemErrorText.describe(error))
        }
    }
}
