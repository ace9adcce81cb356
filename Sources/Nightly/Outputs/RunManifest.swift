import Foundation
import Ingest

/// `run.json`: what a run read, with which settings, what it found and how long each stage took.
public struct RunManifest: Codable, Sendable {
    /// One input feed file.
    public struct Input: Codable, Sendable {
        public let feed: String
        public let file: String
        public let encoding: String
        public let bytes: Int
        public let sha256: String
        public let rowsRead: Int
        public let rowsAccepted: Int
        public let rowsQuarantined: Int
        public let quarantinedByReason: [String: Int]
        public let extraColumns: [String]

        public init(accounting: FeedAccounting, encoding: FeedEncoding, bytes: Int, sha256: String) {
            feed = accounting.feed.rawValue
            file = accounting.feed.fileName
            self.encoding = encoding.rawValue
            self.bytes = bytes
            self.sha256 = sha256
            rowsRead = accounting.read
            rowsAccepted = accounting.accepted
            rowsQuarantined = accounting.quarantined
            quarantinedByReason = Dictionary(uniqueKeysWithValues: accounting.quarantinedByReason.map {
                ($0.key.rawValue, $0.value)
            })
            extraColumns = accounting.extraColumns
        }
    }

    /// One shard's partial that a merge read.
    public struct Partial: Codable, Sendable {
        public let folder: String
        /// `K of N` for a dealt shard, nil for a `--counties` one.
        public let shard: String?
        public let counties: [String]
        public let villages: Int
        public let toolVersion: String
        public let finishedAt: String
        public let seconds: Double
    }

    /// For a merge: every partial it merged, in the order given (absent for a single run).
    public var partials: [Partial]?
    /// The run's id in the warehouse's `runs` table (absent without a warehouse).
    public var runID: Int64?
    public var toolVersion: String
    public var runDate: String
    public var status: String
    public var startedAt: String
    public var finishedAt: String
    public var pipelineFile: String
    public var pipelineSHA256: String
    public var parameters: [String: String]
    public var threads: Int
    public var inputs: [Input]
    /// The early warning: what the flows compare with and tonight's alerts (absent without `early_warning:`).
    public var earlyWarning: EarlyWarning?
    /// Wall seconds per stage, by stage name.
    public var stages: [String: Double]
    /// Stage names in the order they ran.
    public var stageOrder: [String]
    /// CPU seconds (user + system, every thread) per stage: over `stages`, the cores each kept busy.
    public var stageCPUSeconds: [String: Double]?
    public var totalSeconds: Double

    public init(toolVersion: String, runDate: String, status: String, startedAt: String, finishedAt: String,
                pipelineFile: String, pipelineSHA256: String, parameters: [String: String], threads: Int,
                inputs: [Input], stages: [(String, Double)], stageCPU: [(String, Double)] = [], totalSeconds: Double) {
        self.toolVersion = toolVersion
        self.runDate = runDate
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.pipelineFile = pipelineFile
        self.pipelineSHA256 = pipelineSHA256
        self.parameters = parameters
        self.threads = threads
        self.inputs = inputs
        self.stages = Dictionary(stages.map { ($0.0, ($0.1 * 10_000).rounded() / 10_000) }, uniquingKeysWith: +)
        self.stageOrder = stages.map(\.0)
        self.stageCPUSeconds = stageCPU.isEmpty ? nil
            : Dictionary(stageCPU.map { ($0.0, ($0.1 * 10_000).rounded() / 10_000) }, uniquingKeysWith: +)
        self.totalSeconds = (totalSeconds * 10_000).rounded() / 10_000
    }

    /// The early warning's part of run.json.
    public struct EarlyWarning: Codable, Sendable {
        /// The night the `night_*` flows compare with; null on the first night of the history.
        public var comparedWith: String?
        /// Why the flows are empty, when they are.
        public var note: String?
        public var households: Int
        /// History rows written tonight.
        public var historyRowsWritten: Int
        /// Alerts by kind.
        public var alerts: [String: Int]
    }

    /// Pretty JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
