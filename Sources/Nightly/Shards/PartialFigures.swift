import Engine
import Foundation

/// The figures of a partial: `villages.bin` (its villages with their
/// township and county, and its resettlement sites) and `figures.bin` (every
/// indicator column's numerator and denominator for each of them, in the
/// same order). Format in docs/partials.md.
enum PartialFigures {
    static let villagesFile = "villages.bin"
    static let figuresFile = "figures.bin"
    /// Version of both files.
    static let version = 1

    /// Writes this shard's villages and sites from its table (townships and
    /// counties are sums of villages and are not written).
    static func write(_ table: IndicatorTable, to folder: String) throws -> (villages: Int, sites: Int) {
        let villages = table.areaIndices(at: .village)
        let sites = table.areaIndices(at: .site)
        var register = try PartialByteWriter(path: (folder as NSString).appendingPathComponent(villagesFile))
        register.magic("BLVL")
        try register.unsigned(UInt64(version))
        try register.unsigned(UInt64(villages.count))
        for area in villages {
            let village = table.areas[area]
            let township = table.areas[village.parent ?? 0]
            let county = table.areas[township.parent ?? 0]
            try register.signed(Int64(village.code) ?? -1)
            try register.text(village.name)
            try register.signed(Int64(township.code) ?? -1)
            try register.text(township.name)
            try register.signed(Int64(county.code) ?? -1)
        }
        try register.unsigned(UInt64(sites.count))
        for area in sites { try register.signed(Int64(table.areas[area].code) ?? -1) }
        try register.close()

        var figures = try PartialByteWriter(path: (folder as NSString).appendingPathComponent(figuresFile))
        figures.magic("BLFG")
        try figures.unsigned(UInt64(version))
        try figures.unsigned(UInt64(table.indicators.count))
        try figures.unsigned(UInt64(villages.count))
        try figures.unsigned(UInt64(sites.count))
        for area in villages + sites {
            for k in table.indicators.indices {
                try figures.signed(table.numerator(area: area, indicator: k))
                try figures.signed(table.denominator(area: area, indicator: k))
            }
        }
        try figures.close()
        return (villages.count, sites.count)
    }

    /// Reads a partial's villages and site codes.
    static func readRegister(folder: String) throws -> (villages: [AreaRegister.Village], sites: [Int64]) {
        var reader = try PartialByteReader(path: (folder as NSString).appendingPathComponent(villagesFile))
        defer { reader.close() }
        _ = try reader.expect(magic: "BLVL", newest: version)
        let villageCount = try reader.count()
        var villages: [AreaRegister.Village] = []
        villages.reserveCapacity(villageCount)
        for _ in 0..<villageCount {
            let code = try reader.signed()
            let name = try reader.text()
            let township = try reader.signed()
            let townshipName = try reader.text()
            let county = try reader.signed()
            villages.append(AreaRegister.Village(code: code, name: name, townshipCode: township,
                                                 townshipName: townshipName, countyCode: county))
        }
        let siteCount = try reader.count()
        var sites: [Int64] = []
        sites.reserveCapacity(siteCount)
        for _ in 0..<siteCount { sites.append(try reader.signed()) }
        return (villages, sites)
    }

    /// Adds a partial's figures into `figures`: row `i` goes to area `areas[i]`
    /// (its villages, then its sites, in file order).
    static func add(folder: String, areas: [Int], columns: Int, into figures: inout AreaFigures) throws {
        let path = (folder as NSString).appendingPathComponent(figuresFile)
        var reader = try PartialByteReader(path: path)
        defer { reader.close() }
        _ = try reader.expect(magic: "BLFG", newest: version)
        let fileColumns = try reader.count()
        let villages = try reader.count(), sites = try reader.count()
        guard fileColumns == columns, villages + sites == areas.count else {
            throw NightFailure(.feedUnreadable, "error: \(path) does not match its partial's villages.bin and partial.json; "
                               + "run its shard again")
        }
        var values = [Int64](repeating: 0, count: 2 * columns)
        for area in areas {
            for i in 0..<(2 * columns) { values[i] = try reader.signed() }
            values.withUnsafeBufferPointer { figures.add(area: area, $0) }
        }
        guard try reader.atEnd() else {
            throw NightFailure(.feedUnreadable, "error: \(path) has more data than it declares; run its shard again")
        }
    }
}
