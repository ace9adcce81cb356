/// The thresholds of the early warning (`early_warning:` in the pipeline
/// file), each with the office's default. Days are whole days; shares are
/// fractions (0.30 = 30 %).
public struct EarlyWarningSettings: Sendable, Equatable {
    /// Nights of village (and township, site) figures the warehouse keeps; county and above are kept forever.
    public var villageNights = 400
    /// A pending clue older than this many days is overdue (also the upper end of the first age band).
    public var overdueDays = 15
    /// Upper end of the second age band of pending clues (16–30 days); older ones are in the last band.
    public var pendingBandDays = 30
    /// An income fall: tonight's income per capita at most (1 − share) × the previous night's.
    public var incomeFallShare = 0.30
    /// Length of an inclusion-surge window, in days.
    public var surgeDays = 7
    /// A surge: the last window's new inclusions exceed this multiple of the median of earlier windows …
    public var surgeFactor = 2.0
    /// … computed over at least this many earlier windows …
    public var surgeMinimumWindows = 8
    /// … (and at most this many, the most recent) …
    public var surgeBaselineWindows = 52
    /// … and are at least this many households.
    public var surgeMinimumInclusions = 5
    /// Nights before tonight an outlier is judged against.
    public var outlierNights = 28
    /// Fewest earlier nights with a value for an outlier to be judged.
    public var outlierMinimumNights = 8
    /// Modified z-score beyond which tonight's value is an outlier.
    public var outlierCutoff = 3.5
    /// The monitoring line L and its multiple (the pipeline's `monitoring_line`, `line_multiple`): the income
    /// bands of the history are below L, from L to below the multiple × L, and above.
    public var monitoringLine = 7500.0
    public var lineMultiple = 1.5

    public init() {}
}

/// `early_warning:` as written: where the household key is, the hard
/// signals kept in each household's history, the indicators watched for
/// outliers, and the thresholds.
public struct EarlyWarningSpecification: Sendable {
    /// The key file as written (relative paths are relative to the pipeline file's folder); nil when not named.
    public var keyFile: String?
    /// The hard signals, one bit each in the household history, in the order written (at most 16).
    public var signals: [ClueSignalSpecification] = []
    /// County indicators whose value tonight is compared with the county's recent nights.
    public var outlierIndicators: [String] = []
    var outlierLocations: [SourceLocation] = []
    public var settings = EarlyWarningSettings()
}
