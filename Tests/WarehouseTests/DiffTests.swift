import Engine
import Testing
import TestSupport
import Warehouse

@Suite struct DiffTests {
    typealias Fixture = WarehouseFixture

    private func diff() throws -> WarehouseDiff {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        try Fixture.makeWarehouse(at: path)
        return try Warehouse.openForReading(path: path).diff(from: Fixture.firstDate, to: Fixture.secondDate)
    }

    private func names(_ changes: [WarehouseDiff.TargetChange]) -> [String] {
        changes.map { "\($0.level.rawValue) \($0.code) \($0.indicator) \($0.fromText)→\($0.toText)" }
    }

    @Test func targetsNewlyMissedAndMet() throws {
        let diff = try diff()
        // 南明区 falls below 0.99 insured; 钟山区 (and so 六盘水市) gets dropouts.
        #expect(names(diff.newlyMissed) == [
            "prefecture 520200 compulsory_dropouts 0→3",
            "county 520102 insurance_rate 0.9950→0.9800",
            "county 520201 compulsory_dropouts 0→3",
        ])
        // 云岩区 reaches 0.99 insured and loses its dropouts (and so does 贵阳市).
        #expect(names(diff.newlyMet) == [
            "prefecture 520100 compulsory_dropouts 2→0",
            "county 520103 insurance_rate 0.9700→0.9950",
            "county 520103 compulsory_dropouts 2→0",
        ])
        #expect(diff.newlyMissed[1].target == Target(comparison: .atLeast, value: 0.99))
    }

    @Test func biggestCountyMovers() throws {
        let movers = try diff().movers
        let text = movers.map { "\($0.indicator) \($0.rank) \($0.code) \($0.changeText)" }
        #expect(text == [
            "persons 1 520201 +10",
            "insurance_rate 1 520103 +0.0250",
            "insurance_rate 2 520102 -0.0150",
            "insurance_rate 3 520201 -0.0050",
            "compulsory_dropouts 1 520201 +3",
            "compulsory_dropouts 2 520103 -2",
        ])
        #expect(abs(movers[1].change - 0.025) < 1e-12)
    }

    @Test func quarantineReasonsThatAppearedOrVanished() throws {
        let changes = try diff().quarantineChanges
        #expect(changes.map { "\($0.feed) \($0.reason) \($0.fromRows)→\($0.toRows)" } == [
            "households duplicate_key 1→0",
            "education invalid_value 0→1",
        ])
        #expect(changes.map(\.appeared) == [false, true])
    }

    @Test func aDateWithoutFiguresIsNamed() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("warehouse.sqlite")
        try Fixture.makeWarehouse(at: path)
        let warehouse = try Warehouse.openForReading(path: path)
        #expect(throws: WarehouseError.noPublishedRun(date: "2026-11-20",
                                                      published: [Fixture.firstDate, Fixture.secondDate])) {
            try warehouse.diff(from: "2026-11-20", to: Fixture.secondDate)
        }
        #expect(throws: WarehouseError.invalidDate("yesterday")) {
            try warehouse.diff(from: "yesterday", to: Fixture.secondDate)
        }
        let same = try warehouse.diff(from: Fixture.secondDate, to: Fixture.secondDate)
        #expect(same.newlyMissed.isEmpty && same.newlyMet.isEmpty && same.movers.isEmpty
            && same.quarantineChanges.isEmpty)
    }
}
