import Engine
import Foundation
import Ingest
import Reports
#if canImport(Glibc)
import Glibc
#endif

/// `run --shard-of N --shard K` (or `--counties`): reads only its counties'
/// rows, computes them, and writes a partial into `--out` for `merge`
/// (docs/partials.md). Nothing is published and no warehouse is touched; the
/// partial is written beside `--out` and renamed into place when complete, so
/// a folder with `partial.json` is always a whole partial.
public struct ShardRun {
    public let settings: NightSettings
    public let selection: ShardSelection

    public init(settings: NightSettings, selection: ShardSelection) {
        self.settings = settings
        self.selection = selection
    }

    public func execute() -> ExitStatus {
        let log = settings.log
        let clock = StageClock(log: log)
        let night = NightlyRun(settings: settings)
        let out = URL(fileURLWithPath: settings.out).standardizedFileURL
        let staging = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).partial-pid\(getpid())")
        let signals = StopSignals { number in
            let (status, name) = StopSignals.describe(number)
            try? FileManager.default.removeItem(at: staging)
            log("stopped by \(name); no partial was written (exit \(status.rawValue))")
            _exit(status.rawValue)
        }
        defer { signals.cancel() }
        do {
            try OutputFolderCheck.check(out: settings.out, data: settings.data, pipeline: settings.pipeline, warehouse: nil)
            let referenceDate = try night.referenceDate()
            let pipeline = try night.compile(referenceDate: referenceDate)
            let pipelineHash = try InputFingerprint.sha256(ofFile: settings.pipeline)
            clock.lap("pipeline")
            let ingest = try night.load(pipeline, referenceDate: referenceDate, shard: selection)
            clock.lap("ingest")
            let result = IndicatorEngine.run(pipeline, ingest: ingest, referenceDate: referenceDate, threads: settings.threads)
            clock.lap("engine")
            let owned = (ingest.ownership?.owned ?? []).sorted().map { CodeText.digits($0, width: 6) }
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            let written = try PartialFigures.write(result.table, to: staging.path)
            try PartialRecords.write(quarantine: ingest.quarantine, clues: result.clues, lists: result.lists,
                                     to: staging.path)
            var manifest = self.manifest(pipeline: pipeline, pipelineHash: pipelineHash, ingest: ingest, owned: owned,
                                         table: result.table, start: clock.start)
            manifest.villages = written.villages
            manifest.sites = written.sites
            try manifest.json().write(to: staging.appendingPathComponent("partial.json"))
            try Durability.sync(tree: staging)
            try night.requireUnchanged(ingest)
            try Self.putInPlace(staging, at: out)
            clock.lap("partial")
            log(String(format: "run %@: shard %@ wrote the partial of %d counties, %d villages to %@ in %.2f s",
                       settings.date, describe(selection), owned.count, written.villages, settings.out,
                       Date().timeIntervalSince(clock.start)))
            return .success
        } catch let failure as NightFailure {
            try? FileManager.default.removeItem(at: staging)
            log(failure.message)
            return failure.status
        } catch {
            try? FileManager.default.removeItem(at: staging)
            log("error: \(SystemErrorText.describe(error))")
            return .outputFailed
        }
    }

    private func describe(_ selection: ShardSelection) -> String {
        switch selection {
        case .dealt(let count, let index): return "\(index) of \(count)"
        case .counties(let codes): return "of counties " + codes.map { String($0) }.joined(separator: ",")
        }
    }

    private func manifest(pipeline: CompiledPipeline, pipelineHash: String, ingest: IngestResult, owned: [String],
                          table: IndicatorTable, start: Date) -> PartialManifest {
        let register = AreaRegister(ingest: ingest, definition: pipeline.definition)
        let keyCounties = DataQuality(ingest, runDate: settings.date).keyCounties
        let coverage = FeedCoverage(ingest, referenceYear: Int(settings.date.prefix(4)) ?? 0)
        var byCounty: [String: PartialManifest.Coverage] = [:]
        for code in owned {
            let county = coverage.counties[code] ?? FeedCoverage.County()
            byCounty[code] = PartialManifest.Coverage(
                persons: county.persons, households: county.households,
                covered: Dictionary(uniqueKeysWithValues: county.covered.map { ($0.key.rawValue, $0.value) }))
        }
        let shard: PartialManifest.Shard? = if case .dealt(let count, let index) = selection {
            PartialManifest.Shard(count: count, index: index)
        } else { nil }
        return PartialManifest(
            format: PartialManifest.format, formatVersion: PartialManifest.formatVersion,
            toolVersion: NightlyRun.toolVersion, contractVersion: Feed.contractVersion, runDate: settings.date,
            pipelineFile: settings.pipeline, pipelineSHA256: pipelineHash, shard: shard, counties: owned,
            takesUnplacedRows: ingest.ownership?.ownsUnplaced ?? true, maxQuarantineShare: ingest.maxQuarantineShare,
            inputs: ingest.accounting.map { accounting in
                let file = ingest.files[accounting.feed]
                return PartialManifest.Input(RunManifest.Input(
                    accounting: accounting, encoding: pipeline.definition.encodings[accounting.feed] ?? .utf8,
                    bytes: file?.bytes ?? 0, sha256: file?.sha256 ?? ""))
            },
            register: register.counties.sorted { $0.code < $1.code }.map { county in
                let code = CodeText.digits(county.code, width: 6)
                return PartialManifest.County(code: code, name: county.name,
                                              prefectureCode: CodeText.digits(county.prefectureCode, width: 6),
                                              prefectureName: county.prefectureName, groups: county.groups,
                                              keyCounty: keyCounties.contains(code))
            },
            coverage: byCounty, indicators: table.indicators.map(\.id), villages: 0, sites: 0,
            quarantinedRows: ingest.quarantine.count, startedAt: ISO8601DateFormatter().string(from: start),
            finishedAt: ISO8601DateFormatter().string(from: Date()), totalSeconds: Date().timeIntervalSince(start))
    }

    /// Renames the complete staging folder to `out`, replacing what was there.
    static func putInPlace(_ staging: URL, at out: URL) throws {
        let manager = FileManager.default
        let previous = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).previous-pid\(getpid())")
        var hadPrevious = false
        if manager.fileExists(atPath: out.path) {
            try manager.moveItem(at: out, to: previous)
            hadPrevious = true
        }
        try manager.moveItem(at: staging, to: out)
        try Durability.sync(folder: out.deletingLastPathComponent())
        if hadPrevious { try manager.removeItem(at: previous) }
    }
}
