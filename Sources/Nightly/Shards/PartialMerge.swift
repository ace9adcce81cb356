import Engine
import Foundation
import Ingest
import Reports

/// Adding up checked partials: figures, accounting, quarantine, coverage and the restricted household lists.
enum PartialMerge {
    /// Every area's figures: the register from the partials, then each partial's
    /// village and site figures streamed in, then the roll-up.
    static func figures(_ partials: PartialSet, pipeline: CompiledPipeline) throws -> IndicatorTable {
        let indicators = pipeline.indicatorDefinitions
        let ids = indicators.map(\.id)
        for (folder, manifest) in zip(partials.folders, partials.manifests) where manifest.indicators != ids {
            throw NightFailure(.partialsDoNotFit, "error: partial \(folder) has other indicator columns than the pipeline")
        }
        let counties = partials.manifests[0].register.map { county in
            AreaRegister.County(code: Int64(county.code) ?? -1, name: county.name,
                                prefectureCode: Int64(county.prefectureCode) ?? -1, prefectureName: county.prefectureName,
                                groups: county.groups)
        }
        var villages: [AreaRegister.Village] = []
        var siteCodes = Set<Int64>()
        var pieces: [(villages: [Int64], sites: [Int64])] = []
        for folder in partials.folders {
            let register = try PartialFigures.readRegister(folder: folder)
            villages.append(contentsOf: register.villages)
            siteCodes.formUnion(register.sites)
            pieces.append((register.villages.map(\.code), register.sites))
        }
        var seen = Set<Int64>()
        for (folder, piece) in zip(partials.folders, pieces) {
            for code in piece.villages where !seen.insert(code).inserted {
                throw NightFailure(.partialsDoNotFit, "error: village \(CodeText.digits(code, width: 12)) is in two partials "
                                   + "(the second is \(folder)); merge each shard's folder once")
            }
        }
        seen = []
        var figures = AreaFigures(register: AreaRegister(counties: counties, villages: villages),
                                  siteCodes: siteCodes.sorted(), definition: pipeline.definition, indicators: indicators)
        villages = []
        for (folder, piece) in zip(partials.folders, pieces) {
            let areas = piece.villages.compactMap { figures.area(village: $0) } + piece.sites.compactMap { figures.area(site: $0) }
            try PartialFigures.add(folder: folder, areas: areas, columns: indicators.count, into: &figures)
        }
        return figures.table()
    }

    /// One feed's accounting over all shards, with the file's size and fingerprint.
    struct Input {
        var accounting: FeedAccounting
        var encoding: String
        var bytes: Int
        var sha256: String
    }

    /// Rows added up over the shards; `regions.csv`, which every shard reads whole, counted once.
    static func accounting(_ partials: PartialSet) -> [Input] {
        let first = partials.manifests[partials.unplacedTaker]
        return first.inputs.compactMap { input -> Input? in
            guard let feed = Feed(rawValue: input.feed) else { return nil }
            var read = 0, accepted = 0
            var reasons: [QuarantineReason: Int] = [:]
            for (index, manifest) in partials.manifests.enumerated() {
                if feed == .regions && index != partials.unplacedTaker { continue }
                guard let accounting = manifest.inputs.first(where: { $0.feed == input.feed })?.accounting else { continue }
                read += accounting.read
                accepted += accounting.accepted
                for (reason, count) in accounting.quarantinedByReason { reasons[reason, default: 0] += count }
            }
            return Input(accounting: FeedAccounting(feed: feed, read: read, accepted: accepted, quarantinedByReason: reasons,
                                                    extraColumns: input.extraColumns),
                         encoding: input.encoding, bytes: input.bytes, sha256: input.sha256)
        }
    }

    static func quality(_ partials: PartialSet, accounting: [FeedAccounting]) -> DataQuality {
        var counties: [String: FeedCoverage.County] = [:]
        for manifest in partials.manifests {
            for (code, coverage) in manifest.coverage {
                var covered: [Feed: Int] = [:]
                for (name, count) in coverage.covered { if let feed = Feed(rawValue: name) { covered[feed] = count } }
                counties[code] = FeedCoverage.County(persons: coverage.persons, households: coverage.households, covered: covered)
            }
        }
        let first = partials.manifests[0]
        return DataQuality(accounting: accounting, maxQuarantineShare: first.maxQuarantineShare,
                           coverage: FeedCoverage(counties: counties),
                           keyCounties: Set(first.register.filter(\.keyCounty).map(\.code)))
    }

    /// Every shard's quarantined rows by feed (contract order) then line; `regions.csv` rows once.
    /// - Throws: when a partial's saved log is missing or holds fewer records than its `partial.json` says.
    static func quarantine(_ partials: PartialSet) throws -> MergedQuarantine {
        let logs = try partials.folders.enumerated().map { index, folder in
            try PartialRecords.readQuarantine(folder: folder, expected: partials.manifests[index].quarantinedRows)
        }
        return MergedQuarantine(logs: logs, regionsFrom: partials.unplacedTaker)
    }

    /// The clue households and the compliance lists of every shard, by county, village and household.
    static func households(_ partials: PartialSet) throws -> (ClueList, [HouseholdList]) {
        var signals: [ClueSignal] = []
        var clues: [ClueHousehold] = []
        var lists: [PartialRecords.List] = []
        for (index, folder) in partials.folders.enumerated() {
            let households = try PartialRecords.readHouseholds(folder: folder)
            if index == 0 {
                signals = households.clueSignals.map(PartialRecords.clueSignal)
                lists = households.lists.map { list in
                    var empty = list
                    empty.households = []
                    return empty
                }
            }
            clues.append(contentsOf: households.clues.map(PartialRecords.clue))
            for list in households.lists {
                guard let position = lists.firstIndex(where: { $0.id == list.id }) else { continue }
                lists[position].households.append(contentsOf: list.households)
            }
        }
        let ordered: (ClueHousehold, ClueHousehold) -> Bool = {
            ($0.countyCode, $0.villageCode, $0.householdID) < ($1.countyCode, $1.villageCode, $1.householdID)
        }
        let householdLists = lists.map { list in
            HouseholdList(id: list.id, labelZH: list.labelZH, labelEN: list.labelEN, indicator: list.indicator,
                          selection: HouseholdListSpecification.Selection(rawValue: list.selection) ?? .numerator,
                          reasons: list.reasons.map(PartialRecords.clueSignal),
                          households: list.households.map(PartialRecords.clue).sorted(by: ordered))
        }
        return (ClueList(signals: signals, households: clues.sorted(by: ordered)), householdLists)
    }
}
