import Foundation
import Ingest

/// `partial.json`: what a shard run computed and from what (docs/partials.md).
/// Keys are spelled out so that the file reads the same in every version; a
/// reader refuses a `format_version` newer than its own.
public struct PartialManifest: Codable, Sendable, Equatable {
    /// The value of `format`.
    public static let format = "bottomline-partial"
    /// The version this bottomline writes and the newest it reads.
    public static let formatVersion = 1

    /// `--shard-of N --shard K`.
    public struct Shard: Codable, Sendable, Equatable {
        public var count: Int
        public var index: Int
    }

    /// One county of `regions.csv` (every shard lists them all).
    public struct County: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var prefectureCode: String
        public var prefectureName: String
        /// Ids of the pipeline's county groups it belongs to.
        public var groups: [String]
        public var keyCounty: Bool

        enum CodingKeys: String, CodingKey {
            case code, name, groups
            case prefectureCode = "prefecture_code", prefectureName = "prefecture_name", keyCounty = "key_county"
        }
    }

    /// One feed as this shard read it: the whole file's fingerprint, this shard's rows.
    public struct Input: Codable, Sendable, Equatable {
        public var feed: String
        public var file: String
        public var encoding: String
        public var bytes: Int
        public var sha256: String
        public var rowsRead: Int
        public var rowsAccepted: Int
        public var quarantinedByReason: [String: Int]
        public var extraColumns: [String]

        enum CodingKeys: String, CodingKey {
            case feed, file, encoding, bytes, sha256
            case rowsRead = "rows_read", rowsAccepted = "rows_accepted"
            case quarantinedByReason = "quarantined_by_reason", extraColumns = "extra_columns"
        }
    }

    /// A county's roster and the persons or households each sector feed covers (by feed name).
    public struct Coverage: Codable, Sendable, Equatable {
        public var persons: Int
        public var households: Int
        public var covered: [String: Int]
    }

    public var format: String
    public var formatVersion: Int
    public var toolVersion: String
    public var contractVersion: Int
    public var runDate: String
    public var pipelineFile: String
    public var pipelineSHA256: String
    public var shard: Shard?
    /// The counties this shard computed, ascending 6-digit codes.
    public var counties: [String]
    /// Whether it also judged the rows no county owns (it holds the lowest county code).
    public var takesUnplacedRows: Bool
    public var maxQuarantineShare: Double
    public var inputs: [Input]
    public var register: [County]
    /// By county code, for this shard's counties.
    public var coverage: [String: Coverage]
    /// Indicator column ids of `figures.bin`, in order.
    public var indicators: [String]
    public var villages: Int
    public var sites: Int
    public var quarantinedRows: Int
    public var startedAt: String
    public var finishedAt: String
    public var totalSeconds: Double

    enum CodingKeys: String, CodingKey {
        case format, shard, counties, inputs, register, coverage, indicators, villages, sites
        case formatVersion = "format_version", toolVersion = "tool_version", contractVersion = "contract_version"
        case runDate = "run_date", pipelineFile = "pipeline_file", pipelineSHA256 = "pipeline_sha256"
        case takesUnplacedRows = "takes_unplaced_rows", maxQuarantineShare = "max_quarantine_share"
        case quarantinedRows = "quarantined_rows", startedAt = "started_at", finishedAt = "finished_at"
        case totalSeconds = "total_seconds"
    }

    /// Pretty JSON with sorted keys.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads `partial.json` of a partial folder; refuses another format or a newer version.
    static func read(folder: String) throws -> PartialManifest {
        let path = (folder as NSString).appendingPathComponent("partial.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NightFailure(.feedUnreadable, "error: \(folder) is not a partial: it has no readable partial.json "
                               + "(run `bottomline run --shard-of N --shard K --out \(folder)` to make one)")
        }
        struct Header: Decodable {
            let format: String?
            let formatVersion: Int?
            let toolVersion: String?
            enum CodingKeys: String, CodingKey {
                case format, formatVersion = "format_version", toolVersion = "tool_version"
            }
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == format,
              let version = header.formatVersion else {
            throw NightFailure(.feedUnreadable, "error: \(path) is not a bottomline partial (no format \"\(format)\")")
        }
        guard version <= formatVersion else {
            throw NightFailure(.feedUnreadable, "error: \(path) is in partial format version \(version) "
                               + "(written by bottomline \(header.toolVersion ?? "?")); this bottomline reads versions up to "
                               + "\(formatVersion): merge with the newer bottomline that wrote it")
        }
        do {
            return try JSONDecoder().decode(PartialManifest.self, from: data)
        } catch {
            throw NightFailure(.feedUnreadable, "error: \(path) cannot be read as a version \(version) partial: \(error)")
        }
    }
}

extension PartialManifest.Input {
    init(_ input: RunManifest.Input) {
        self.init(feed: input.feed, file: input.file, encoding: input.encoding, bytes: input.bytes, sha256: input.sha256,
                  rowsRead: input.rowsRead, rowsAccepted: input.rowsAccepted,
                  quarantinedByReason: input.quarantinedByReason, extraColumns: input.extraColumns)
    }

    /// The accounting it records (nil for a feed or reason this version does not know).
    var accounting: FeedAccounting? {
        guard let feed = Feed(rawValue: feed) else { return nil }
        var reasons: [QuarantineReason: Int] = [:]
        for (name, count) in quarantinedByReason {
            guard let reason = QuarantineReason(rawValue: name) else { return nil }
            reasons[reason] = count
        }
        return FeedAccounting(feed: feed, read: rowsRead, accepted: rowsAccepted, quarantinedByReason: reasons,
                              extraColumns: extraColumns)
    }
}
