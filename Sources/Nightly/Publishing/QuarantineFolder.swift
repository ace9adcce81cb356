import Foundation
import Reports

/// `check --out`: writes `quarantine.csv` into a folder, replacing only that
/// file (a temporary file renamed over it). The folder's other files, such as
/// a published night's outputs, stay as they are.
enum QuarantineFolder {
    static func write(_ text: String, into folder: String) throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url.appendingPathComponent("quarantine.csv"), options: .atomic)
        } catch {
            throw ReportError.cannotWrite(path: url.appendingPathComponent("quarantine.csv").path,
                                          reason: error.localizedDescription)
        }
    }
}
