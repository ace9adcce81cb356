import Foundation
import Ingest

/// Writes a data folder with the ten feeds of the contract (version 2).
///
/// Each feed starts as a minimal valid file: the contract header and one row
/// that refers to the defaults of the feeds before it (one county, one
/// village, one household, one person). Tests replace the rows they care
/// about with raw CSV lines, or a whole file with raw bytes (CRLF, a BOM,
/// invalid UTF-8, GB18030 …).
public struct FeedFolderWriter: Sendable {
    /// The default county, village, household and person that the default rows use.
    public static let county = "520102"
    public static let village = "520102001001"
    public static let township = "520102001"
    public static let household = "5201020010010001"
    public static let person = ResidentIDMaker.make(address: "520102", birth: "19800115", sequence: 12)

    /// The contract's header of each feed, columns in the contract's order (written out
    /// from the contract text, not from the production schema).
    public static let contractHeaders: [Feed: String] = [
        .regions: "prefecture_code,prefecture_name,county_code,county_name,key_county",
        .villages: "village_code,village_name,township_code,township_name,county_code",
        .households: "household_id,village_code,category,monitoring_type,risk_status,risk_types,clue_date,clue_outcome,"
            + "inclusion_date,elimination_date,relocated,site_code,income_per_capita,income_prev_year,assistance",
        .persons: "person_id,household_id,relation,labor_capacity,status",
        .education: "person_id,stage,status",
        .medicalInsurance: "person_id,year,insured",
        .housing: "household_id,grade,renovated",
        .water: "household_id,tap_water,safe",
        .employment: "person_id,status,location,welfare_job,months,monthly_income,trainings",
        .socialAssistance: "person_id,kind,start_date,end_date",
    ]

    /// The headers of contract version 1 (no risk_types, clue_outcome, site_code,
    /// income_prev_year, persons' status, and no social_assistance.csv columns).
    public static let version1Headers: [Feed: String] = contractHeaders.merging([
        .households: "household_id,village_code,category,monitoring_type,risk_status,clue_date,inclusion_date,"
            + "elimination_date,relocated,income_per_capita,assistance",
        .persons: "person_id,household_id,relation,labor_capacity",
        .socialAssistance: "",
    ]) { $1 }

    /// One valid row per feed, chained through the default keys.
    public static let defaultRows: [Feed: [String]] = [
        .regions: ["520100,贵阳市,\(county),南明区,0"],
        .villages: ["\(village),花果园村,\(township),花果园街道,\(county)"],
        .households: ["\(household),\(village),monitored,marginal,not_eliminated,illness,2024-03-01,included,2024-04-15,,0,,"
            + "6500.50,7200.00,industry;employment"],
        .persons: ["\(person),\(household),head,full,"],
        .education: ["\(person),vocational,enrolled"],
        .medicalInsurance: ["\(person),2026,1"],
        .housing: ["\(household),B,0"],
        .water: ["\(household),1,1"],
        .employment: ["\(person),employed,county,0,12,3000.00,1"],
        .socialAssistance: ["\(person),temporary,2026-01-10,2026-03-10"],
    ]

    /// Header line of each feed (defaults to `contractHeaders`).
    public var headers: [Feed: String] = Self.contractHeaders
    /// Data lines of each feed as raw bytes, without line ends.
    public var rawRows: [Feed: [[UInt8]]] = Self.defaultRows.mapValues { $0.map { Array($0.utf8) } }
    /// Whole files written exactly as given, instead of header and rows.
    public var files: [Feed: [UInt8]] = [:]
    /// Feeds not written at all.
    public var omitted: Set<Feed> = []
    /// The line end after the header and every row.
    public var lineEnd = "\n"
    /// Whether the last line of each file ends with `lineEnd`.
    public var endsWithLineEnd = true

    public init() {}

    /// Data lines of a feed as text (setting replaces the default rows).
    public subscript(feed: Feed) -> [String] {
        get { (rawRows[feed] ?? []).map { String(decoding: $0, as: UTF8.self) } }
        set { rawRows[feed] = newValue.map { Array($0.utf8) } }
    }

    /// Adds data lines after the rows already set for `feed`.
    public mutating func append(_ feed: Feed, _ lines: String...) {
        rawRows[feed, default: []].append(contentsOf: lines.map { Array($0.utf8) })
    }

    /// The bytes that `write(to:)` puts in the feed's file.
    public func bytes(of feed: Feed) -> [UInt8] {
        if let file = files[feed] { return file }
        let lines = [Array((headers[feed] ?? "").utf8)] + (rawRows[feed] ?? [])
        let end = Array(lineEnd.utf8)
        var bytes: [UInt8] = []
        for (i, line) in lines.enumerated() {
            bytes += line
            if i < lines.count - 1 || endsWithLineEnd { bytes += end }
        }
        return bytes
    }

    /// Writes every feed not omitted into `folder` (replacing files already there).
    public func write(to folder: TemporaryFolder) throws {
        try write(toPath: folder.path)
    }

    /// Writes every feed not omitted into the existing folder at `path`.
    public func write(toPath path: String) throws {
        for feed in Feed.allCases where !omitted.contains(feed) {
            let file = URL(fileURLWithPath: path).appendingPathComponent(feed.fileName)
            try Data(bytes(of: feed)).write(to: file)
        }
    }
}
