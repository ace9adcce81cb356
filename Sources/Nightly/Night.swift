import Engine
import Ingest
import Reports
import Warehouse

/// One night, computed and ready to publish: what every output is written
/// from and what the warehouse keeps. A `run` builds it from the feeds; a
/// command that already has the figures builds it directly and hands it to
/// `NightPublisher`.
public struct Night: Sendable {
    /// Tonight's figures, the ingest, the clue list and the nights before, for every output.
    public var inputs: ReportInputs
    /// How the meeting outputs are written (language, spreadsheet encoding).
    public var options: ReportOptions
    /// What was read from each feed (bytes, SHA-256, rows), for the warehouse.
    public var read: [RunInput]
    /// `run.json`, without the warehouse stage (the publisher adds it).
    public var manifest: RunManifest

    /// Every quarantined row of the night, by feed (contract order) then line (a run's
    /// `QuarantineLog` on disk, or the records merged from shards).
    public var quarantine: any Sequence<QuarantineRecord> & Sendable

    public init(inputs: ReportInputs, options: ReportOptions, read: [RunInput], manifest: RunManifest,
                quarantine: any Sequence<QuarantineRecord> & Sendable) {
        self.inputs = inputs
        self.options = options
        self.read = read
        self.manifest = manifest
        self.quarantine = quarantine
    }

    /// The run date, `YYYY-MM-DD`.
    public var date: String { inputs.runDate }
    /// Every indicator for every area.
    public var table: IndicatorTable { inputs.table }
}
