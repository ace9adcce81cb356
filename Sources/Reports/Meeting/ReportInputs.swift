import Engine
import Ingest

/// Everything the meeting outputs are made from: tonight's figures, the
/// ingest's accounting, the clue list, and (when there is a warehouse) the
/// nights before.
public struct ReportInputs: Sendable {
    /// Every indicator at every level (province, prefectures, counties, townships, villages).
    public var table: IndicatorTable
    /// Accounting per feed, sector coverage and key counties, for the data-quality section and the key-county table.
    public var quality: DataQuality
    /// Households counted by `suspected_omissions`, with the signals that fired.
    public var clues: ClueList
    /// The run's date, `YYYY-MM-DD`.
    public var runDate: String
    /// Earlier nights; nil when there is no warehouse or no earlier night.
    public var history: ReportHistory?
    /// The compliance lists (应纳未纳, 应帮未帮, 错误消除, …).
    public var lists: [HouseholdList]
    /// The evaluation panel's dimensions.
    public var evaluation: [EvaluationDimension]
    /// Tonight's county alerts and whether the flows had an earlier night (nil without `early_warning:`).
    public var earlyWarning: EarlyWarningSummary?

    public init(table: IndicatorTable, ingest: IngestResult, clues: ClueList, runDate: String,
                history: ReportHistory? = nil, lists: [HouseholdList] = [], evaluation: [EvaluationDimension] = []) {
        self.init(table: table, quality: DataQuality(ingest, runDate: runDate), clues: clues, runDate: runDate,
                  history: history, lists: lists, evaluation: evaluation)
    }

    public init(table: IndicatorTable, quality: DataQuality, clues: ClueList, runDate: String,
                history: ReportHistory? = nil, lists: [HouseholdList] = [], evaluation: [EvaluationDimension] = []) {
        self.table = table
        self.quality = quality
        self.clues = clues
        self.runDate = runDate
        self.history = history
        self.lists = lists
        self.evaluation = evaluation
    }
}

/// The language of headers, labels and the report.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh
    case en

    /// `zh` or `en`, whichever this language is.
    func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// The encoding of the CSV files people open in a spreadsheet
/// (`county_summary.csv` and the clue lists).
public enum SpreadsheetEncoding: String, Sendable, CaseIterable {
    /// UTF-8 with a byte-order mark, so Excel and WPS detect it.
    case utf8BOM = "utf8-bom"
    /// GB18030, for older Excel set to a Chinese locale.
    case gb18030
}

/// How the meeting outputs are written.
public struct ReportOptions: Sendable {
    public var language: ReportLanguage
    public var spreadsheetEncoding: SpreadsheetEncoding
    /// The province's county boundaries; without them the report draws bar charts.
    public var countyMap: CountyMap?
    /// Threads that write the outputs (the run's `--threads`); the bytes are the same for any number.
    public var threads: Int

    public init(language: ReportLanguage = .zh, spreadsheetEncoding: SpreadsheetEncoding = .utf8BOM,
                countyMap: CountyMap? = nil, threads: Int = 1) {
        self.language = language
        self.spreadsheetEncoding = spreadsheetEncoding
        self.countyMap = countyMap
        self.threads = max(1, threads)
    }
}
