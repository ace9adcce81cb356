import Foundation
import Testing
import TestSupport

/// A night run as shards and merged publishes exactly what one run publishes:
/// indicators.csv, quarantine.csv, the meeting outputs, the restricted lists
/// and the warehouse's figures, byte for byte, for any split of the counties.
@Suite(.serialized) struct MergeEqualsRunTests {
    static func expectSame(_ merged: String, as single: String, _ split: String) throws {
        let expected = try ShardNight.files(single), actual = try ShardNight.files(merged)
        #expect(Set(actual.keys) == Set(expected.keys), "\(split): the merged folder holds other files")
        for name in ShardNight.comparedFiles { #expect(expected[name] != nil, "\(name) missing from the single run") }
        for (name, bytes) in expected { #expect(actual[name] == bytes, "\(split): \(name) differs from the single run") }
        #expect(try ShardNight.warehouseFigures(merged + ".sqlite") == ShardNight.warehouseFigures(single + ".sqlite"),
                "\(split): the warehouse's figures differ")
    }

    @Test func theSampleMergedFromOneTwoThreeAndSevenShardsEqualsOneRun() throws {
        let night = try ShardNight()
        let single = try night.single()
        for count in [1, 2, 3, 7] {
            let partials = try night.shards(count, prefix: "of\(count)")
            let merged = try night.merge(partials, into: "merged\(count)")
            #expect(merged.status == 0, "\(merged.standardError)")
            try Self.expectSame(night.work.file("merged\(count)"), as: single, "\(count) shards")
            if count == 7 {
                let sizes = try partials.map(ShardNight.villages)
                #expect(Set(sizes).count > 1, "the 7 shards should be of uneven sizes: \(sizes)")
                #expect(sizes.reduce(0, +) > 0)
            }
        }
        let manifest = try String(contentsOfFile: night.work.file("merged7/run.json"), encoding: .utf8)
        for index in 0..<7 { #expect(manifest.contains("\"shard\" : \"\(index) of 7\""), "run.json names shard \(index)") }
    }

    /// An explicit, lopsided split: one county alone, one prefecture's counties, and all the rest.
    @Test func anUnevenSplitByCountyListEqualsOneRun() throws {
        let night = try ShardNight(label: "uneven")
        let single = try night.single()
        let regions = CSVRecords.parse(try String(contentsOfFile: ShardNight.sample + "/regions.csv", encoding: .utf8))
            .dropFirst().filter { $0.count == 5 && $0[2].count == 6 && $0[2].allSatisfy(\.isNumber) }
        let codes = Array(Set(regions.map { $0[2] })).sorted()
        let alone = [codes[codes.count / 2]]
        let prefecture = regions.first { $0[2] == codes.last }?[0]
        let inPrefecture = Array(Set(regions.filter { $0[0] == prefecture && !alone.contains($0[2]) }.map { $0[2] })).sorted()
        let rest = codes.filter { !alone.contains($0) && !inPrefecture.contains($0) }
        var partials: [String] = []
        for (index, list) in [alone, inPrefecture, rest].enumerated() {
            let result = try night.shard("list\(index)", ["--counties", list.joined(separator: ",")])
            #expect(result.status == 0, "\(result.standardError)")
            partials.append(night.work.file("list\(index)"))
        }
        let merged = try night.merge(partials.reversed(), into: "merged")
        #expect(merged.status == 0, "\(merged.standardError)")
        try Self.expectSame(night.work.file("merged"), as: single, "county lists")
    }
}
