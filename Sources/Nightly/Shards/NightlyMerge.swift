import Engine
import Foundation
import Ingest
import Reports
import Warehouse

/// What `merge` is told by the command line.
public struct MergeSettings: Sendable {
    public var pipeline: String
    /// The shards' `--out` folders.
    public var partials: [String]
    public var date: String
    public var out: String
    public var warehouse: String?
    public var report: ReportOptions
    public var log: @Sendable (String) -> Void

    public init(pipeline: String, partials: [String], date: String, out: String, warehouse: String?,
                report: ReportOptions = ReportOptions(), log: @escaping @Sendable (String) -> Void) {
        self.pipeline = pipeline
        self.partials = partials
        self.date = date
        self.out = out
        self.warehouse = warehouse
        self.report = report
        self.log = log
    }
}

/// `merge`: checks that the shards' partials fit together, adds up their
/// village and site figures, rolls them up as one run would, and publishes
/// the night through `NightPublisher` exactly like `run`.
public struct NightlyMerge {
    public let settings: MergeSettings

    public init(settings: MergeSettings) {
        self.settings = settings
    }

    public func execute() -> ExitStatus {
        let log = settings.log
        let clock = StageClock(log: log)
        let state = RunState()
        let signals = StopSignals { number in state.stop(number, log: log) }
        defer { signals.cancel() }
        let night = NightlyRun(settings: NightSettings(pipeline: settings.pipeline, data: settings.partials.first ?? "",
                                                       date: settings.date, threads: settings.report.threads, out: settings.out,
                                                       warehouse: settings.warehouse, report: settings.report, log: log))
        do {
            for folder in settings.partials {
                try OutputFolderCheck.check(out: settings.out, data: folder, pipeline: settings.pipeline,
                                            warehouse: settings.warehouse)
            }
            let warehouse = try settings.warehouse.map { try WarehouseAccess.openForRun(path: $0, log: log) }
            let referenceDate = try night.referenceDate()
            let pipeline = try night.compile(referenceDate: referenceDate)
            if pipeline.definition.earlyWarning != nil {
                log("note: merge does not compute the early warning (the partials carry no household rows): no "
                    + "household history, night_* flows, alerts.csv or early-warning lists for this night")
            }
            let pipelineHash = try InputFingerprint.sha256(ofFile: settings.pipeline)
            clock.lap("pipeline")
            let partials = try PartialSet(folders: settings.partials, pipelineHash: pipelineHash, date: settings.date)
            let runID = try warehouse?.beginRun(date: settings.date, pipelineHash: pipelineHash,
                                                toolVersion: NightlyRun.toolVersion, threads: settings.report.threads)
            let publisher = NightPublisher(out: settings.out, warehouse: warehouse, runID: runID,
                                           critical: state.critical, log: log)
            state.started(publisher)
            let table = try PartialMerge.figures(partials, pipeline: pipeline)
            clock.lap("figures")
            let accounting = PartialMerge.accounting(partials)
            let read = accounting.map { RunInput(accounting: $0.accounting, bytes: $0.bytes, sha256: $0.sha256) }
            state.read = read
            let quality = PartialMerge.quality(partials, accounting: accounting.map(\.accounting))
            try requirePassing(quality)
            let quarantine = try PartialMerge.quarantine(partials)
            let (clues, lists) = try PartialMerge.households(partials)
            clock.lap("records")
            let history = try warehouse.flatMap { try NightlyRun.earlierNights($0, before: settings.date, table: table) }
            let inputs = ReportInputs(table: table, quality: quality, clues: clues, runDate: settings.date,
                                      history: history, lists: lists, evaluation: pipeline.definition.evaluation)
            let countyCodes = table.areaIndices(at: .county).map { table.areas[$0].code }
            if let gap = settings.report.countyMap?.gapWarning(countyCodes: countyCodes) { log(gap) }
            var manifest = RunManifest(
                toolVersion: NightlyRun.toolVersion, runDate: settings.date, status: "succeeded",
                startedAt: ISO8601DateFormatter().string(from: clock.start),
                finishedAt: ISO8601DateFormatter().string(from: Date()), pipelineFile: settings.pipeline,
                pipelineSHA256: pipelineHash,
                parameters: Dictionary(pipeline.definition.parameters.map { ($0.name, $0.text) },
                                       uniquingKeysWith: { a, _ in a }),
                threads: settings.report.threads, inputs: accounting.map {
                    RunManifest.Input(accounting: $0.accounting, encoding: FeedEncoding(rawValue: $0.encoding) ?? .utf8,
                                      bytes: $0.bytes, sha256: $0.sha256)
                },
                stages: clock.stages, totalSeconds: Date().timeIntervalSince(clock.start))
            manifest.partials = zip(partials.folders, partials.manifests).map { folder, partial in
                RunManifest.Partial(folder: folder, shard: partial.shard.map { "\($0.index) of \($0.count)" },
                                    counties: partial.counties, villages: partial.villages,
                                    toolVersion: partial.toolVersion, finishedAt: partial.finishedAt,
                                    seconds: partial.totalSeconds)
            }
            let merged = Night(inputs: inputs, options: settings.report, read: read, manifest: manifest,
                               quarantine: quarantine)
            try publisher.publish(merged, clock: clock)
            log(String(format: "merge %@: published %d areas × %d indicators from %d partials to %@ in %.2f s",
                       settings.date, table.areas.count, table.indicators.count, partials.folders.count, settings.out,
                       Date().timeIntervalSince(clock.start)))
            return .success
        } catch let failure as NightFailure {
            log(failure.message)
            state.fail(failure.message)
            return failure.status
        } catch {
            let message = SystemErrorText.describe(error)
            log("error: \(message)")
            state.fail(message)
            return .outputFailed
        }
    }

    private func requirePassing(_ quality: DataQuality) throws {
        let failing = quality.accounting.filter { !$0.passes(maximumShare: quality.maxQuarantineShare) }
        guard failing.isEmpty else {
            throw NightFailure(.feedRejected, failing.map { feed in
                "error: \(feed.feed.fileName): \(feed.quarantined) of \(feed.read) rows quarantined over all shards "
                    + String(format: "(%.2f%%, limit %.2f%%)", feed.quarantinedShare * 100, quality.maxQuarantineShare * 100)
                    + "; nothing was published. See each partial's quarantine.csv, fix the feed with its sender and run again."
            }.joined(separator: "\n"))
        }
    }
}
