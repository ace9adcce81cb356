import Engine
import Foundation
import Ingest
import Reports
import Warehouse

/// One night's run, stage by stage: lock the warehouse, compile the pipeline,
/// ingest, compute, write the outputs into a staging folder, then publish the
/// figures (one transaction) and the folder (one atomic rename) together.
/// Each stage's time goes into run.json and the log.
struct NightlyRun {
    static let toolVersion = "1.0.0"

    let options: CommonOptions
    let out: String
    let report: ReportOptions
    /// The SQLite warehouse, when the run keeps its figures there.
    let warehousePath: String?

    /// A stage that cannot go on: how the command ends and what to tell the statistician.
    struct Failure: Error {
        let status: ExitStatus
        let message: String
    }

    func execute() -> ExitStatus {
        let clock = StageClock()
        var warehouse: Warehouse?
        var runID: Int64?
        var inputs: [RunInput] = []
        do {
            warehouse = try openWarehouse()
            let referenceDate = try options.referenceDate
            let pipeline = try compile(referenceDate: referenceDate)
            let pipelineHash = try InputFingerprint.sha256(ofFile: options.pipeline)
            runID = try warehouse?.beginRun(date: options.date, pipelineHash: pipelineHash,
                                            toolVersion: Self.toolVersion, threads: options.threads)
            clock.lap("pipeline")
            let ingest = try load(pipeline, referenceDate: referenceDate)
            clock.lap("ingest")
            let fingerprints = try fingerprint(ingest, encodings: pipeline.definition.encodings)
            inputs = zip(ingest.accounting, fingerprints).map { RunInput(accounting: $0, bytes: $1.bytes, sha256: $1.sha256) }
            clock.lap("fingerprint")
            try requirePassing(ingest)
            let result = IndicatorEngine.run(pipeline, ingest: ingest, referenceDate: referenceDate, threads: options.threads)
            for (stage, seconds) in result.stageSeconds { logLine(String(format: "  engine %@: %.3f s", stage, seconds)) }
            clock.lap("engine")
            let folder = try writeOutputs(result, ingest: ingest, warehouse: warehouse, clock: clock)
            let manifest = RunManifest(
                toolVersion: Self.toolVersion, runDate: options.date, status: "succeeded",
                startedAt: ISO8601DateFormatter().string(from: clock.start),
                finishedAt: ISO8601DateFormatter().string(from: Date()), pipelineFile: options.pipeline,
                pipelineSHA256: pipelineHash,
                parameters: Dictionary(pipeline.definition.parameters.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a }),
                threads: options.threads, inputs: zip(ingest.accounting, fingerprints).map {
                    RunManifest.Input(accounting: $0, encoding: pipeline.definition.encodings[$0.feed] ?? .utf8,
                                      bytes: $1.bytes, sha256: $1.sha256)
                },
                stages: clock.stages + [("warehouse", 0)], totalSeconds: Date().timeIntervalSince(clock.start))
            try publish(folder, manifest: manifest, result: result, ingest: ingest, inputs: inputs,
                        warehouse: warehouse, runID: runID, clock: clock)
            logLine(String(format: "run %@: published %d areas × %d indicators to %@ in %.2f s", options.date,
                           result.table.areas.count, result.table.indicators.count, out, Date().timeIntervalSince(clock.start)))
            return .success
        } catch let failure as Failure {
            logLine(failure.message)
            if let warehouse, let runID {
                try? warehouse.fail(runID: runID, message: failure.message, inputs: inputs)
            }
            return failure.status
        } catch {
            logLine("error: \(error)")
            if let warehouse, let runID { try? warehouse.fail(runID: runID, message: "\(error)", inputs: inputs) }
            return .outputFailed
        }
    }

    /// Takes the warehouse's lock first, so a second run fails at once.
    private func openWarehouse() throws -> Warehouse? {
        guard let warehousePath else { return nil }
        do {
            return try Warehouse.open(path: warehousePath)
        } catch let error as WarehouseError {
            if case .busy = error { throw Failure(status: .warehouseBusy, message: "error: \(error)") }
            throw Failure(status: .outputFailed, message: "error: \(error)")
        }
    }

    private func compile(referenceDate: Int32) throws -> CompiledPipeline {
        do {
            return try CompiledPipeline.compile(try PipelineFile.load(path: options.pipeline), referenceDate: referenceDate)
        } catch {
            throw Failure(status: .pipelineError, message: "\(error)")
        }
    }

    private func load(_ pipeline: CompiledPipeline, referenceDate: Int32) throws -> IngestResult {
        do {
            return try Ingestor.load(folder: options.data, options: options.ingestOptions(
                referenceDate: referenceDate, pipeline: pipeline.definition))
        } catch {
            throw Failure(status: .feedUnreadable, message: "error: \(error)")
        }
    }

    private func requirePassing(_ ingest: IngestResult) throws {
        guard ingest.passes else {
            let lines = ingest.failingFeeds.map { feed in
                "error: \(feed.feed.fileName): \(feed.quarantined) of \(feed.read) rows quarantined "
                    + String(format: "(%.2f%%, limit %.2f%%)", feed.quarantinedShare * 100, ingest.maxQuarantineShare * 100)
                    + "; nothing was published. Run `bottomline check --out DIR` to see the bad rows, fix the feed with its sender and run again."
            }
            throw Failure(status: .feedRejected, message: lines.joined(separator: "\n"))
        }
    }

    /// SHA-256 and size of every input file, hashed in parallel.
    private func fingerprint(_ ingest: IngestResult, encodings: [Feed: FeedEncoding]) throws -> [(bytes: Int, sha256: String)] {
        let hashes = parallelMap(count: ingest.accounting.count, workers: options.threads) { i -> Result<String, Error> in
            let path = (options.data as NSString).appendingPathComponent(ingest.accounting[i].feed.fileName)
            return Result { try InputFingerprint.sha256(ofFile: path) }
        }
        return try zip(ingest.accounting, hashes).map { accounting, hash in
            (ingest.fileSizes[accounting.feed] ?? 0, try hash.get())
        }
    }

    /// Writes every output file into a staging folder beside `--out`.
    private func writeOutputs(_ result: EngineResult, ingest: IngestResult, warehouse: Warehouse?,
                              clock: StageClock) throws -> OutputFolder {
        let folder = try OutputFolder(destination: out)
        do {
            try folder.write(IndicatorsCSV.text(result.table), to: "indicators.csv")
            try folder.write(QuarantineCSV.text(ingest.quarantine), to: "quarantine.csv")
            let history = try warehouse.flatMap { try ReportHistoryLoader(warehouse: $0).history(before: options.date, table: result.table) }
            let inputs = ReportInputs(table: result.table, ingest: ingest, clues: result.clues, runDate: options.date, history: history,
                                      lists: result.lists, evaluation: result.evaluation)
            try MeetingOutputs.write(inputs, options: report, to: folder.staging.path)
            clock.lap("reports")
            return folder
        } catch {
            folder.discard()
            throw error
        }
    }

    /// Publishes the figures, then the outputs: the warehouse transaction
    /// commits, run.json is written, and the staging folder is swapped in with
    /// one atomic rename right after, so the two change together but for the
    /// instant between the commit and the rename. Anything failing before the
    /// commit leaves both as they were.
    private func publish(_ folder: OutputFolder, manifest: RunManifest, result: EngineResult, ingest: IngestResult,
                         inputs: [RunInput], warehouse: Warehouse?, runID: Int64?, clock: StageClock) throws {
        var manifest = manifest
        do {
            if let warehouse, let runID {
                let started = Date()
                try warehouse.publish(runID: runID, table: result.table, inputs: inputs, quarantine: ingest.quarantine)
                manifest.stages["warehouse"] = (Date().timeIntervalSince(started) * 10_000).rounded() / 10_000
                clock.lap("warehouse")
            } else {
                manifest.stages["warehouse"] = nil
                manifest.stageOrder.removeAll { $0 == "warehouse" }
            }
            try folder.write(try manifest.json(), to: "run.json")
            try folder.publish()
        } catch {
            folder.discard()
            throw error
        }
    }
}

/// Wall time per stage, logged as each ends.
final class StageClock {
    private(set) var stages: [(String, Double)] = []
    private var last = Date()
    let start = Date()

    func lap(_ stage: String) {
        let now = Date()
        stages.append((stage, now.timeIntervalSince(last)))
        logLine(String(format: "stage %@: %.3f s", stage, now.timeIntervalSince(last)))
        last = now
    }
}
