import Engine
import Foundation
import Ingest
import Reports

/// One night's run, stage by stage; each stage's time goes into run.json.
struct NightlyRun {
    static let toolVersion = "1.0.0"

    let options: CommonOptions
    let out: String
    let report: ReportOptions

    private final class Clock {
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

    func execute() -> ExitStatus {
        let clock = Clock()
        let startedAt = ISO8601DateFormatter().string(from: clock.start)
        let referenceDate: Int32
        let pipeline: CompiledPipeline
        do {
            referenceDate = try options.referenceDate
            pipeline = try CompiledPipeline.compile(try PipelineFile.load(path: options.pipeline), referenceDate: referenceDate)
        } catch {
            logLine("\(error)")
            return .pipelineError
        }
        clock.lap("pipeline")
        let ingest: IngestResult
        do {
            ingest = try Ingestor.load(folder: options.data, options: IngestOptions(
                referenceDate: referenceDate, encodings: pipeline.definition.encodings,
                maxQuarantineShare: pipeline.definition.maxQuarantineShare, threads: options.threads, progress: logLine))
        } catch {
            logLine("error: \(error)")
            return .feedUnreadable
        }
        clock.lap("ingest")
        guard ingest.passes else {
            for feed in ingest.failingFeeds {
                logLine("error: \(feed.feed.fileName): \(feed.quarantined) of \(feed.read) rows quarantined "
                    + String(format: "(%.2f%%, limit %.2f%%)", feed.quarantinedShare * 100, ingest.maxQuarantineShare * 100)
                    + "; nothing was published. Run `bottomline check --out DIR` to see the bad rows, fix the feed with its sender and run again.")
            }
            return .feedRejected
        }
        let result = IndicatorEngine.run(pipeline, ingest: ingest, referenceDate: referenceDate, threads: options.threads)
        for (stage, seconds) in result.stageSeconds {
            logLine(String(format: "  engine %@: %.3f s", stage, seconds))
        }
        clock.lap("engine")
        do {
            let folder = try OutputFolder(destination: out)
            try folder.write(IndicatorsCSV.text(result.table), to: "indicators.csv")
            try folder.write(QuarantineCSV.text(ingest.quarantine), to: "quarantine.csv")
            let inputs = ReportInputs(table: result.table, ingest: ingest, clues: result.clues, runDate: options.date)
            try MeetingOutputs.write(inputs, options: report, to: folder.staging.path)
            clock.lap("reports")
            let fingerprints = try fingerprints(ingest, encodings: pipeline.definition.encodings)
            clock.lap("fingerprint")
            let manifest = RunManifest(
                toolVersion: Self.toolVersion, runDate: options.date, status: "succeeded", startedAt: startedAt,
                finishedAt: ISO8601DateFormatter().string(from: Date()), pipelineFile: options.pipeline,
                pipelineSHA256: try InputFingerprint.sha256(ofFile: options.pipeline),
                parameters: Dictionary(pipeline.definition.parameters.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a }),
                threads: options.threads, inputs: fingerprints, stages: clock.stages,
                totalSeconds: Date().timeIntervalSince(clock.start))
            try folder.write(try manifest.json(), to: "run.json")
            try folder.publish()
        } catch {
            logLine("error: \(error)")
            return .outputFailed
        }
        logLine(String(format: "run %@: published %d areas × %d indicators to %@ in %.2f s", options.date,
                       result.table.areas.count, result.table.indicators.count, out, Date().timeIntervalSince(clock.start)))
        return .success
    }

    private func fingerprints(_ ingest: IngestResult, encodings: [Feed: FeedEncoding]) throws -> [RunManifest.Input] {
        let hashes = parallelMap(count: ingest.accounting.count, workers: options.threads) { i -> Result<String, Error> in
            let path = (options.data as NSString).appendingPathComponent(ingest.accounting[i].feed.fileName)
            return Result { try InputFingerprint.sha256(ofFile: path) }
        }
        return try zip(ingest.accounting, hashes).map { accounting, hash in
            RunManifest.Input(accounting: accounting, encoding: encodings[accounting.feed] ?? .utf8,
                              bytes: ingest.fileSizes[accounting.feed] ?? 0, sha256: try hash.get())
        }
    }
}
