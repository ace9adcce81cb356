import Engine
import Foundation
import Ingest

/// What the warehouse holds of the household history before tonight, as the night needs it.
public enum HistoryBasis: Sendable {
    /// No night recorded yet: the flows compare with an empty past (and say so).
    case empty
    /// Every recorded night is before tonight: the latest one's state, in one piece.
    case latest(night: Int32, snapshot: HouseholdSnapshot)
    /// Tonight is not after every recorded night (a rerun or a late run): the whole history and its nights.
    case rebuild(intervals: [HouseholdInterval], nights: [Int32])
}

/// One night of the early warning, computed: the table with the flows, the
/// alerts, the restricted lists, and the history rows to commit with the figures.
public struct EarlyWarningNight: Sendable {
    /// Tonight's table with the flow indicators after the catalogue's.
    public let table: IndicatorTable
    public let summary: EarlyWarningSummary
    /// 返贫风险户, overdue clues, income falls: restricted, masked IDs.
    public let lists: [HouseholdList]
    /// The history rows to write (empty without a warehouse).
    public let edit: HistoryEdit
    /// The households on the latest recorded night once tonight is recorded (the size of `currentState()`),
    /// and that night.
    public let currentHouseholds: Int
    public let snapshotNight: Int32
    /// Tonight's changes to the latest night's state (`HouseholdSnapshot.applying`), when tonight
    /// follows the latest recorded night; nil when the whole state must be written.
    public let changes: HouseholdSnapshot?
    /// Tonight's households.
    public let households: Int
    /// The thresholds used, and the hard signals (bit i = signals[i]).
    public let settings: EarlyWarningSettings
    public let signals: [ClueSignal]
    /// Wall and CPU seconds per step (`hashing`, `sorting`, `comparing`, `flows`, `lists`, `alerts`;
    /// `rebuilding` on a rerun or late run).
    public let steps: [StepTime]
    /// What `currentState()` is built from: the rebuilt state, or the previous night's and tonight's changes.
    private let rebuiltState: HouseholdSnapshot?
    private let previousState: HouseholdSnapshot?
    private let opened: HouseholdSnapshot

    /// Computes the night.
    /// - Parameters:
    ///   - basis: the history before tonight; nil when there is no warehouse (the flows then have no past).
    ///   - key: the household key; nil when there is no warehouse.
    ///   - alertHistory: the counties' earlier nights.
    public init(facts: HouseholdFacts, table: IndicatorTable, chains: AreaChains, night: Int32,
                specification: EarlyWarningSpecification, basis: HistoryBasis?, key: HouseholdKey?,
                alertHistory: AlertHistory, threads: Int) {
        var clock = StepClock()
        func lap(_ step: String) { clock.lap(step) }
        let settings = specification.settings
        self.settings = settings
        signals = specification.signals.map(\.signal)
        households = facts.count
        let hashes = key?.hashes(facts.householdIDs, threads: threads)
            ?? facts.householdIDs.map { HouseholdHash(high: 0, low: UInt64(bitPattern: $0)) }
        lap("hashing")
        let order = HashOrder.ascending(hashes, threads: threads)
        lap("sorting")
        var previous: HouseholdSnapshot?
        var previousNight: Int32?
        var rebuilt: HistoryRebuild.Result?
        switch basis {
        case .none, .empty?:
            break
        case .latest(let night, let snapshot)?:
            previous = snapshot
            previousNight = night
        case .rebuild(let intervals, let nights)?:
            let result = HistoryRebuild.record(night: night, hashes: order.map { hashes[Int($0)] },
                                               states: order.map { HouseholdState(facts, household: Int($0)) },
                                               intervals: intervals, nights: nights)
            previous = result.previous
            previousNight = nights.last { $0 < night }
            rebuilt = result
            lap("rebuilding")
        }
        var extend = basis != nil
        if case .rebuild? = basis { extend = false }
        let comparison = NightComparison(facts: facts, hashes: hashes, order: order, previous: previous, night: night,
                                         settings: settings, cellCount: chains.cells.count, extend: extend, threads: threads)
        lap("comparing")
        let counts = FlowIndicators.rollUp(comparison, chains: chains, areaCount: table.areas.count)
        let unavailable = previous == nil ? Set(Flow.allCases.filter(\.needsHistory).map(\.rawValue)) : []
        let withFlows = table.appending(FlowIndicators.definitions(settings), counts: counts, unavailable: unavailable)
        self.table = withFlows
        lap("flows")
        edit = rebuilt?.edit ?? (basis == nil ? HistoryEdit() : comparison.edit)
        rebuiltState = rebuilt?.snapshot
        previousState = previous
        opened = comparison.changes
        currentHouseholds = rebuilt?.snapshot.count ?? (basis == nil ? 0 : facts.count)
        if case .latest? = basis { changes = comparison.changes } else { changes = nil }
        if case .rebuild(_, let nights)? = basis { snapshotNight = max(nights.last ?? night, night) } else { snapshotNight = night }
        let lists = FlaggedHouseholds(facts: facts, signals: specification.signals.map(\.signal), settings: settings,
                                      night: night)
        self.lists = lists.lists(comparison)
        lap("lists")
        let alerts = CountyAlerts(table: withFlows, history: alertHistory, settings: settings, night: night,
                                  watched: specification.outlierIndicators,
                                  longestPending: lists.longestPending(comparison)).alerts()
        lap("alerts")
        steps = clock.steps
        let note: String? = switch (basis, previousNight) {
        case (nil, _):
            "no warehouse: the night_* flows compare with no earlier night and are empty (not zero)"
        case (_, nil):
            "first night of the household history: the night_* flows compare with an empty past and are empty (not zero)"
        default: nil
        }
        summary = EarlyWarningSummary(alerts: alerts, comparedWith: previousNight.map(DayNumber.format), note: note)
    }

    /// The state on the latest recorded night once tonight is recorded, built when asked: a night that
    /// follows the latest one writes only its `changes`, and the whole state is needed only to write it whole.
    public func currentState() -> HouseholdSnapshot {
        rebuiltState ?? (previousState ?? HouseholdSnapshot()).applying([opened])
    }
}
