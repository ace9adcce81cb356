import EarlyWarning
import Foundation
import GRDB
import Ingest
import Testing
import TestSupport
@testable import Warehouse

/// The households' current state kept as a base BLOB plus each later night's
/// changes (`household_current_changes`), written to and read from a real file.
@Suite struct HouseholdCurrentTests {
    /// A household as (hash number, income in fen, valid_from); income nil = departed.
    typealias Household = (number: UInt64, income: Int64?, day: Int32)

    /// Households ascending by hash number.
    private func snapshot(_ households: [Household]) -> HouseholdSnapshot {
        var snapshot = HouseholdSnapshot()
        for (number, income, day) in households {
            let state = HouseholdState(category: 1, monitoringType: 2, riskStatus: 1, clueOutcome: 0, signals: 4,
                                       members: 3, village: 520_102_001_001, clueDate: 20_000, income: income ?? 0)
            snapshot.append(HouseholdHash(high: number, low: ~number), state,
                            validFrom: income == nil ? HouseholdSnapshot.departed : day)
        }
        return snapshot
    }

    private func same(_ a: HouseholdSnapshot?, _ b: HouseholdSnapshot) -> Bool {
        guard let a else { return false }
        return a.hashes == b.hashes && a.states == b.states && a.validFrom == b.validFrom
    }

    @Test func aLargeStateIsWrittenAsItsNightlyChangesAndReadsBackWhole() throws {
        let folder = try TemporaryFolder()
        let warehouse = try Warehouse.open(path: folder.file("w.sqlite"))
        warehouse.smallestStateKeptAsChanges = 0
        let first = snapshot((1...40).map { (UInt64($0) * 10, 900_000, 100) })
        // Night 101: household 30 changes, 70 leaves, 35 is new.
        var second: [Household] = (1...40).filter { $0 != 7 }.map { (UInt64($0) * 10, 900_000, 100) }
        second[2] = (30, 600_000, 101)
        second.insert((35, 500_000, 101), at: 3)
        let secondChanges = snapshot([(30, 600_000, 101), (35, 500_000, 101), (70, nil, 0)])
        // Night 102: household 70 comes back, 30 leaves.
        var third = second.filter { $0.number != 30 }
        third.insert((70, 900_000, 102), at: 6)
        let thirdChanges = snapshot([(30, nil, 0), (70, 900_000, 102)])
        try warehouse.database.write { db in
            try warehouse.writeCurrentState(db, first, households: first.count, night: 100, changes: nil)
            try warehouse.writeCurrentState(db, snapshot(second), households: second.count, night: 101,
                                            changes: secondChanges)
            try warehouse.writeCurrentState(db, snapshot(third), households: third.count, night: 102,
                                            changes: thirdChanges)
        }
        let (latest, earlier, base, changed) = try warehouse.database.read { db in
            (try warehouse.currentState(db, latest: 102), try warehouse.currentState(db, latest: 101),
             try String.fetchOne(db, sql: "SELECT run_date FROM household_current"),
             try Int.fetchAll(db, sql: "SELECT changed FROM household_current_changes ORDER BY run_date"))
        }
        #expect(same(latest, snapshot(third)))
        // The stored state is night 102's, not an earlier night's.
        #expect(earlier == nil)
        #expect(base == DayNumber.format(100))
        #expect(changed == [3, 2])
        // Night 103 changes more than a quarter of the households in all: the whole state is written again.
        let fourth: [Household] = third.map { ($0.number, 100_000, 103) }
        let fourthChanges = snapshot(Array(fourth.prefix(6)))
        try warehouse.database.write { db in
            try warehouse.writeCurrentState(db, snapshot(fourth), households: fourth.count, night: 103,
                                            changes: fourthChanges)
        }
        let (rewritten, left, households) = try warehouse.database.read { db in
            (try warehouse.currentState(db, latest: 103),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM household_current_changes"),
             try Int.fetchOne(db, sql: "SELECT households FROM household_current"))
        }
        #expect(same(rewritten, snapshot(fourth)))
        #expect(left == 0)
        #expect(households == fourth.count)
    }

    @Test func aSmallStateIsAlwaysWrittenWhole() throws {
        let folder = try TemporaryFolder()
        let warehouse = try Warehouse.open(path: folder.file("w.sqlite"))
        let first = snapshot([(1, 100, 100), (2, 100, 100)])
        let second = snapshot([(1, 100, 100), (2, 50, 101)])
        try warehouse.database.write { db in
            try warehouse.writeCurrentState(db, first, households: first.count, night: 100, changes: nil)
            try warehouse.writeCurrentState(db, second, households: second.count, night: 101,
                                            changes: snapshot([(2, 50, 101)]))
        }
        let (changes, latest) = try warehouse.database.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM household_current_changes"),
             try warehouse.currentState(db, latest: 101))
        }
        #expect(changes == 0)
        #expect(same(latest, second))
    }
}
