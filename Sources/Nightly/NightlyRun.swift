import Engine
import Foundation
import Ingest
import Reports
import Warehouse

/// One night's run, stage by stage: lock the warehouse, compile the pipeline,
/// ingest, compute, then hand the night to `NightPublisher`, which writes
/// every output and publishes the figures and the folder together. Each
/// stage's time goes into run.json and the log.
public struct NightlyRun {
    /// The version written into `runs` and run.json.
    public static let toolVersion = "1.0.0"

    public let settings: NightSettings

    public init(settings: NightSettings) {
        self.settings = settings
    }

    /// Runs the night to the end; the status says how it ended (the failure is logged).
    public func execute() -> ExitStatus {
        let log = settings.log
        let clock = StageClock(log: log)
        let state = RunState()
        let signals = StopSignals { number in state.stop(number, log: log) }
        defer { signals.cancel() }
        do {
            try OutputFolderCheck.check(out: settings.out, data: settings.data, pipeline: settings.pipeline,
                                        warehouse: settings.warehouse)
            let warehouse = try settings.warehouse.map { try WarehouseAccess.openForRun(path: $0, log: log) }
            let referenceDate = try self.referenceDate()
            let pipeline = try compile(referenceDate: referenceDate)
            let pipelineHash = try InputFingerprint.sha256(ofFile: settings.pipeline)
            let runID = try warehouse?.beginRun(date: settings.date, pipelineHash: pipelineHash,
                                                toolVersion: Self.toolVersion, threads: settings.threads)
            let publisher = NightPublisher(out: settings.out, warehouse: warehouse, runID: runID,
                                           critical: state.critical, log: log)
            state.started(publisher)
            clock.lap("pipeline")
            let ingest = try load(pipeline, referenceDate: referenceDate)
            clock.lap("ingest")
            let read = ingest.accounting.map { accounting in
                let file = ingest.files[accounting.feed]
                return RunInput(accounting: accounting, bytes: file?.bytes ?? 0, sha256: file?.sha256 ?? "")
            }
            state.read = read
            try requirePassing(ingest)
            let result = IndicatorEngine.run(pipeline, ingest: ingest, referenceDate: referenceDate,
                                             threads: settings.threads)
            for (stage, seconds) in result.stageSeconds { log(String(format: "  engine %@: %.3f s", stage, seconds)) }
            clock.lap("engine")
            let warning = try earlyWarning(pipeline, result: result, warehouse: warehouse, referenceDate: referenceDate)
            if warning != nil { clock.lap("early warning") }
            let table = warning?.table ?? result.table
            let history = try warehouse.flatMap { try Self.earlierNights($0, before: settings.date, table: table) }
            var inputs = ReportInputs(table: table, ingest: ingest, clues: result.clues, runDate: settings.date,
                                      history: history, lists: result.lists + (warning?.lists ?? []),
                                      evaluation: result.evaluation)
            inputs.earlyWarning = warning?.summary
            let countyCodes = result.table.areaIndices(at: .county).map { result.table.areas[$0].code }
            if let gap = settings.report.countyMap?.gapWarning(countyCodes: countyCodes) { log(gap) }
            let manifest = RunManifest(
                toolVersion: Self.toolVersion, runDate: settings.date, status: "succeeded",
                startedAt: ISO8601DateFormatter().string(from: clock.start),
                finishedAt: ISO8601DateFormatter().string(from: Date()), pipelineFile: settings.pipeline,
                pipelineSHA256: pipelineHash,
                parameters: Dictionary(pipeline.definition.parameters.map { ($0.name, $0.text) },
                                       uniquingKeysWith: { a, _ in a }),
                threads: settings.threads, inputs: zip(ingest.accounting, read).map {
                    RunManifest.Input(accounting: $0, encoding: pipeline.definition.encodings[$0.feed] ?? .utf8,
                                      bytes: $1.bytes, sha256: $1.sha256)
                },
                stages: clock.stages, stageCPU: clock.cpu, totalSeconds: Date().timeIntervalSince(clock.start))
            var night = Night(inputs: inputs, options: settings.report, read: read, manifest: manifest,
                              quarantine: ingest.quarantine)
            night.warning = warning
            night.manifest.earlyWarning = warning.map(RunManifest.EarlyWarning.init)
            try publisher.publish(night, clock: clock) { try requireUnchanged(ingest) }
            log(String(format: "run %@: published %d areas × %d indicators to %@ in %.2f s", settings.date,
                       table.areas.count, table.indicators.count, settings.out,
                       Date().timeIntervalSince(clock.start)))
            return .success
        } catch let failure as NightFailure {
            log(failure.message)
            state.fail(failure.message)
            return failure.status
        } catch let error as IngestError {
            log("error: \(error)")
            state.fail("\(error)")
            return .feedUnreadable
        } catch {
            let message = SystemErrorText.describe(error)
            log("error: \(message)")
            state.fail(message)
            return .outputFailed
        }
    }

    func referenceDate() throws -> Int32 {
        guard let day = DayNumber.parse(settings.date) else {
            throw NightFailure(.pipelineError,
                               "error: --date \(settings.date) is not a real date; write it as YYYY-MM-DD")
        }
        return day
    }

    func compile(referenceDate: Int32) throws -> CompiledPipeline {
        do {
            return try CompiledPipeline.compile(try PipelineFile.load(path: settings.pipeline),
                                                referenceDate: referenceDate)
        } catch {
            throw NightFailure(.pipelineError, "\(error)")
        }
    }

    func load(_ pipeline: CompiledPipeline, referenceDate: Int32, shard: ShardSelection? = nil) throws -> IngestResult {
        do {
            var options = NightlyCheck.ingestOptions(
                settings.threads, referenceDate: referenceDate, pipeline: pipeline.definition,
                allowOutsideLinks: settings.allowOutsideLinks, log: settings.log, readProgress: settings.readProgress)
            options.shard = shard
            return try Ingestor.load(folder: settings.data, options: options)
        } catch {
            throw NightFailure(.feedUnreadable, "error: \(error)")
        }
    }

    private func requirePassing(_ ingest: IngestResult) throws {
        guard ingest.passes else {
            let lines = ingest.failingFeeds.map { feed in
                "error: \(feed.feed.fileName): \(feed.quarantined) of \(feed.read) rows quarantined "
                    + String(format: "(%.2f%%, limit %.2f%%)", feed.quarantinedShare * 100,
                             ingest.maxQuarantineShare * 100)
                    + "; nothing was published. Run `bottomline check --out DIR` to see the bad rows, fix the feed "
                    + "with its sender and run again."
            }
            throw NightFailure(.feedRejected, lines.joined(separator: "\n"))
        }
    }

    /// Refuses to publish when a feed was replaced or changed after it was read.
    func requireUnchanged(_ ingest: IngestResult) throws {
        for accounting in ingest.accounting {
            let path = (settings.data as NSString).appendingPathComponent(accounting.feed.fileName)
            guard let read = ingest.files[accounting.feed], FileIdentity.of(path: path) == read.identity else {
                throw NightFailure(.feedUnreadable, "error: \(IngestError.changedWhileRead(file: path))")
            }
        }
    }

    /// The report's view of the nights before tonight.
    static func earlierNights(_ warehouse: Warehouse, before date: String, table: IndicatorTable) throws -> ReportHistory? {
        guard let earlier = try warehouse.earlierNights(before: date, indicators: table.indicators) else {
            return nil
        }
        let trends = earlier.trends.map { trend in
            IndicatorTrend(indicatorID: trend.indicator, points: trend.points.map {
                HistoryPoint(date: $0.date, value: $0.value)
            })
        }
        let previous = NightValues(date: earlier.previousDate, values: earlier.previousValues)
        var history = ReportHistory(trends: trends, previous: previous, table: table)
        history.areaTrends = AreaTrends(dates: earlier.areaDates, values: earlier.areaValues)
        return history
    }
}
