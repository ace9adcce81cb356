import Foundation
import Reports

/// One output of a night (like GRDB's `DumpFormat`): each is one small type
/// that writes its file or folder into the night's staging folder. The
/// publisher writes them side by side on the night's threads (each writes only
/// its own path), `run.json` after all the others, and puts the folder in
/// place only when every one succeeded.
public protocol NightOutput: Sendable {
    /// The file or folder it writes, relative to the output folder.
    var path: String { get }
    /// Writes the output into `folder` (which exists).
    func write(_ night: Night, to folder: URL) throws
}

/// Every output of a night.
public enum NightOutputs {
    /// `run.json` comes last and is written after every other one: a folder
    /// with it is complete.
    public static let all: [any NightOutput] = [IndicatorsFile(), QuarantineFile(), QuarantineRowsFile(), AlertsFile()]
        + MeetingOutputs.formats.map { MeetingFile(format: $0) } + [RunRecordFile()]
}
