import Foundation
import Ingest
import Reports

/// `quarantine.csv`: every rejected row with its reason, IDs masked.
struct QuarantineFile: NightOutput {
    let path = "quarantine.csv"

    func write(_ night: Night, to folder: URL) throws {
        try QuarantineCSV.write(night.quarantine, to: folder.appendingPathComponent(path))
    }
}

/// `restricted/quarantine_rows.csv`: every rejected row whole, for the data
/// owner (RESTRICTED: the folder is 0700 and the file 0600, whatever the umask).
struct QuarantineRowsFile: NightOutput {
    let path = "restricted/quarantine_rows.csv"

    func write(_ night: Night, to folder: URL) throws {
        let restricted = folder.appendingPathComponent("restricted", isDirectory: true)
        try OutputFile.makePrivateFolder(restricted)
        try QuarantineRowsCSV.write(night.quarantine, to: folder.appendingPathComponent(path))
    }
}
