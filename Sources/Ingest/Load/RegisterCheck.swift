/// The registers must agree with each other before any figure is built on
/// them: a county of another province would re-code the province, a county
/// filed under another prefecture's code would be counted there, and two
/// names for one code would let the first row win silently.
enum RegisterCheck {
    /// Checks a register as read: for `regions.csv`, every county in the province
    /// (`provinceCode`, two digits; when nil, the province of most counties, and with
    /// `nationProvinces`, the pipeline's `nation: provinces:` too) and each prefecture code
    /// matching its counties' codes; for both registers, one name per code: `nameConflicts`,
    /// what `RegisterNames.conflicts` found in the file before it was loaded.
    /// - Throws: `IngestError.inconsistentRegisters` naming every problem.
    static func check(_ feed: Feed, _ table: FeedTable, nameConflicts: [String], provinceCode: String?,
                      nationProvinces: [String] = []) throws {
        var problems = feed == .regions
            ? regionProblems(table, provinceCode: provinceCode, nationProvinces: nationProvinces) : []
        problems += nameConflicts
        if !problems.isEmpty { throw IngestError.inconsistentRegisters(file: feed.fileName, problems: problems) }
    }

    /// The counties of `regions.csv` outside the allowed provinces or filed under another prefecture.
    private static func regionProblems(_ regions: FeedTable, provinceCode: String?, nationProvinces: [String]) -> [String] {
        let prefectures = regions[Regions.prefectureCode]
        let counties = regions[Regions.countyCode]
        guard !counties.isEmpty else { return [] }
        let province = provinceCode.flatMap { Int64($0) } ?? mostCommon(counties.map { $0 / 10_000 })
        let allowed = Set([province] + nationProvinces.compactMap { Int64($0) })
        var problems: [String] = []
        for row in counties.indices.sorted(by: { counties[$0] < counties[$1] }) {
            let county = CodeText.digits(counties[row], width: 6)
            if !allowed.contains(counties[row] / 10_000) {
                problems.append("county \(county) is not in province \(CodeText.digits(province, width: 2))"
                    + (provinceCode == nil ? " (the province of most counties)" : " (the pipeline's province code)")
                    + (nationProvinces.isEmpty ? "" : " nor in the pipeline's nation: provinces"))
            }
            if prefectures[row] / 100 != counties[row] / 100 {
                problems.append("county \(county) is filed under prefecture "
                    + "\(CodeText.digits(prefectures[row], width: 6)), but its code belongs to prefecture "
                    + "\(CodeText.digits(counties[row] / 100 * 100, width: 6))")
            }
        }
        return problems
    }

    /// The most frequent value (the smallest of those tied).
    private static func mostCommon(_ values: [Int64]) -> Int64 {
        var counts: [Int64: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
    }
}
