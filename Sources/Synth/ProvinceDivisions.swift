import Ingest

/// The counties of the provinces a synthetic night covers (`generate --provinces`):
/// Guizhou (52) from `GuizhouDivisions` with its national key counties, every
/// other province from the GB/T 2260 list of `reference/gbt2260/` (no key counties).
enum ProvinceDivisions {
    /// The counties of `provinces` (2-digit codes), in code order.
    static func counties(_ provinces: [String]) throws -> [County] {
        var counties: [County] = []
        for province in Set(provinces).sorted() {
            let found = province == "52" ? GuizhouDivisions.counties : national.filter { $0.code / 10_000 == Int(province) }
            guard !found.isEmpty else { throw SynthError.unknownProvince(province) }
            counties += found
        }
        return counties.sorted { $0.code < $1.code }
    }

    /// Every county of `ChinaCounties.csv`.
    private static let national: [County] = ChinaCounties.csv.split(separator: "\n").dropFirst().compactMap { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, let code = Int(fields[0]), let prefecture = Int(fields[2]) else { return nil }
        return County(prefectureCode: prefecture, prefectureName: fields[3], code: code, name: fields[1], isKey: false)
    }
}
