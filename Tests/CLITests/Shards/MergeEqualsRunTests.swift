import Foundation
import Testing
import TestSupport

/// A night run as shards and merged publishes exactly what one run publishes:
/// indicators.csv, quarantine.csv, the meeting outputs, the restricted lists
/// and the warehouse's figures, byte for byte, for any split of the counties.
@Suite(.serialized) struct MergeEqualsRunTests {
    static func expectSame(_ merged: String, as single: String, _ split: String) throws {
        let expected = try ShardNight.files(single), actual = try ShardNight.files(merged)
        guard Set(actual.keys) == Set(expected.keys) else {
            Issue.record("\(split): the merged folder holds \(actual.count) files, the single run's \(expected.count)")
            return
        }
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

/// Two generated provinces (Guizhou and Yunnan, real county codes) under a
/// nation row, merged from shards of uneven sizes.
@Suite(.serialized) struct TwoProvinceMergeTests {
    @Test func twoProvincesMergedFromShardsEqualOneRunWithANationRow() throws {
        let work = try TemporaryFolder("two-provinces")
        let data = work.file("data"), pipeline = work.file("two.yaml")
        let generated = try BottomlineProcess.run(["generate", "--persons", "3000", "--seed", "12", "--dirty",
                                                   "--provinces", "52,53", "--out", data])
        #expect(generated.status == 0, "\(generated.standardError)")
        // Merge computes no early warning (partials carry no households), so both sides run without it.
        try (String(contentsOfFile: try ShardNight.pipelineWithoutEarlyWarning(in: work), encoding: .utf8)
             + "\nnation:\n  name: 全国\n  provinces: ['52', '53']\n").write(toFile: pipeline, atomically: true, encoding: .utf8)
        let night = try ShardNight(data: data, pipeline: pipeline, label: "two")
        let single = try night.single()
        let rows = CSVRecords.parse(try String(contentsOfFile: single + "/indicators.csv", encoding: .utf8))
        let persons = rows.filter { $0.count == 7 && $0[3] == "persons" }
        let nation = persons.filter { $0[0] == "nation" }, provinces = persons.filter { $0[0] == "province" }
        #expect(nation.map { [$0[1], $0[2]] } == [["00", "全国"]])
        #expect(provinces.map { [$0[1], $0[2]] } == [["52", "贵州省"], ["53", "云南省"]])
        #expect(nation.first.map { Int($0[4]) } == provinces.reduce(0) { $0 + (Int($1[4]) ?? 0) }, "the nation is the sum of its provinces")
        #expect(rows.dropFirst().first?[0] == "nation", "the nation comes first")
        for count in [2, 7] {
            let partials = try night.shards(count, prefix: "of\(count)")
            let merged = try night.merge(partials, into: "merged\(count)")
            #expect(merged.status == 0, "\(merged.standardError)")
            try MergeEqualsRunTests.expectSame(night.work.file("merged\(count)"), as: single, "two provinces, \(count) shards")
        }
        // Uneven: all of Yunnan in one shard, Guizhou split in two by code.
        let codes = CSVRecords.parse(try String(contentsOfFile: data + "/regions.csv", encoding: .utf8)).dropFirst()
            .compactMap { $0.count == 5 ? $0[2] : nil }.filter { $0.count == 6 }.reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
        let guizhou = codes.filter { $0.hasPrefix("52") }, yunnan = codes.filter { $0.hasPrefix("53") }
        let lists = [yunnan, Array(guizhou.prefix(5)), Array(guizhou.dropFirst(5))]
        var partials: [String] = []
        for (index, list) in lists.enumerated() {
            let result = try night.shard("list\(index)", ["--counties", list.joined(separator: ",")])
            #expect(result.status == 0, "\(result.standardError)")
            partials.append(night.work.file("list\(index)"))
        }
        let merged = try night.merge(partials, into: "uneven")
        #expect(merged.status == 0, "\(merged.standardError)")
        try MergeEqualsRunTests.expectSame(night.work.file("uneven"), as: single, "two provinces, by province")
    }
}
