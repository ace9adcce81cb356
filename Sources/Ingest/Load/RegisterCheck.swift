/// The registers must agree with each other before any figure is built on
/// them: a county of another province would re-code the province, a county
/// filed under another prefecture's code would be counted there, and two
/// names for one code would let the first row win silently.
enum RegisterCheck {
    /// Checks `regions.csv`: every county in the province (`provinceCode`, two digits; when
    /// nil, the province of most counties), each prefecture code matching its counties'
    /// codes, one name per prefecture code.
    /// - Throws: `IngestError.inconsistentRegisters` naming every problem.
    /// With `nationProvinces` (`nation: provinces:` of the pipeline), counties of those provinces are accepted too.
    static func checkRegions(_ regions: FeedTable, provinceCode: String?, nationProvinces: [String] = []) throws {
        let prefectures = regions[Regions.prefectureCode], prefectureNames = regions[Regions.prefectureName]
        let counties = regions[Regions.countyCode]
        guard !counties.isEmpty else { return }
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
        problems += conflictingNames(codes: prefectures, names: prefectureNames, width: 6, what: "prefecture")
        if !problems.isEmpty { throw IngestError.inconsistentRegisters(file: Feed.regions.fileName, problems: problems) }
    }

    /// One problem per code written with more than one name (names in order of first appearance);
    /// the names of three codes at most are quoted (60 bytes each), so a message quotes little input.
    private static func conflictingNames(codes: [Int64], names: [String], width: Int, what: String) -> [String] {
        var namesOf: [Int64: [String]] = [:]
        for (code, name) in zip(codes, names) where !(namesOf[code]?.contains(name) ?? false) {
            namesOf[code, default: []].append(name)
        }
        let conflicts = namesOf.keys.sorted().filter { (namesOf[$0]?.count ?? 0) > 1 }
        var problems = conflicts.prefix(3).map { code in
            let list = namesOf[code] ?? []
            return "\(what) \(CodeText.digits(code, width: width)) has \(list.count) names ("
                + EchoedInput.list(list, bytes: 60) + ")"
        }
        if conflicts.count > 3 { problems.append("\(conflicts.count - 3) more \(what)s with several names") }
        return problems
    }

    /// The most frequent value (the smallest of those tied).
    private static func mostCommon(_ values: [Int64]) -> Int64 {
        var counts: [Int64: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
    }
}
