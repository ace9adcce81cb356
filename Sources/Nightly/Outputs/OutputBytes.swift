import Foundation
import Reports

/// Writing one output file into the staging folder.
enum OutputBytes {
    /// Writes `data` to `url`, naming the file when it fails.
    static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url)
        } catch {
            throw ReportError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
