import Foundation
import Reports

/// One output of a night (like GRDB's `DumpFormat`): each is one small type
/// that writes its file or folder into the night's staging folder. The
/// publisher writes them in `NightOutputs.all` order and puts the folder in
/// place only when every one succeeded.
public protocol NightOutput: Sendable {
    /// The file or folder it writes, relative to the output folder.
    var path: String { get }
    /// Writes the output into `folder` (which exists).
    func write(_ night: Night, to folder: URL) throws
}

/// Every output of a night.
public enum NightOutputs {
    /// In the order they are written. `run.json` comes last: a folder with it
    /// is complete.
    public static let all: [any NightOutput] = [IndicatorsFile(), QuarantineFile(), QuarantineRowsFile()]
        + MeetingOutputs.formats.map { MeetingFile(format: $0) } + [RunRecordFile()]
}
