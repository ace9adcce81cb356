import Foundation
import Reports

/// One of the meeting outputs (county summary CSV and XLSX, the HTML report, the clue lists).
struct MeetingFile: NightOutput {
    let format: any MeetingOutput

    var path: String { format.path }

    func write(_ night: Night, to folder: URL) throws {
        try format.write(night.inputs, options: night.options, to: folder)
    }
}
