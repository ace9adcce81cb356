import Engine
import Ingest

/// One county's household list (a clue list or a compliance list) as CSV
/// bytes: the county, the village, the household ID, the head's resident ID
/// masked, one 0/1 column per signal and the signals that fired, in the
/// signals' labels. Built field by field into one buffer: the texts that
/// repeat (county, village, the signal columns of a set of fired signals)
/// are escaped once.
struct HouseholdListCSV {
    /// The signals (or reasons) with a 0/1 column each.
    let signals: [ClueSignal]
    let language: ReportLanguage
    /// The header line.
    let header: [UInt8]

    init(signals: [ClueSignal], language: ReportLanguage, reasonsHeader: String? = nil) {
        self.signals = signals
        self.language = language
        let names = [
            language.pick("县代码", "county_code"), language.pick("县名称", "county_name"),
            language.pick("村代码", "village_code"), language.pick("村名称", "village_name"),
            language.pick("户编号", "household_id"), language.pick("户主身份证号（脱敏）", "head_id_masked"),
        ] + signals.map { language.pick($0.labelZH, $0.labelEN) } + [reasonsHeader ?? language.pick("触发信号", "signals")]
        header = Array(CSVText.line(names.map(CSVText.feedText)).utf8)
    }

    /// The list of one county as UTF-8 bytes (before encoding). `households` are the
    /// county's, sorted by village then household ID (`ordered`).
    func bytes(_ households: ArraySlice<ClueHousehold>, county: String, countyName: String) -> [UInt8] {
        var out = header
        out.reserveCapacity(header.count + households.count * 96)
        let countyField = Array((county + "," + CSVText.feedText(countyName) + ",").utf8)
        var village = (code: "", name: "", field: [UInt8]())
        var tails: [[String]: [UInt8]] = [:]
        for household in households {
            if household.villageCode != village.code || household.villageName != village.name || village.field.isEmpty {
                village = (household.villageCode, household.villageName,
                           Array((household.villageCode + "," + CSVText.feedText(household.villageName) + ",").utf8))
            }
            out.append(contentsOf: countyField)
            out.append(contentsOf: village.field)
            out.append(contentsOf: household.householdID.utf8)
            out.append(UInt8(ascii: ","))
            if let head = household.headResidentID { out.append(contentsOf: IDMask.masked(head).utf8) }
            if let tail = tails[household.signals] {
                out.append(contentsOf: tail)
            } else {
                let tail = self.tail(household.signals)
                tails[household.signals] = tail
                out.append(contentsOf: tail)
            }
        }
        return out
    }

    /// The line's end for a household whose signals `fired`: a 0/1 column per
    /// signal and the labels of those that fired, in the household's order.
    private func tail(_ fired: [String]) -> [UInt8] {
        var fields = signals.map { fired.contains($0.id) ? "1" : "0" }
        let names = fired.map { id in
            signals.first { $0.id == id }.map { language.pick($0.labelZH, $0.labelEN) } ?? id
        }
        fields.append(CSVText.feedText(names.joined(separator: language.pick("、", "; "))))
        return Array(("," + CSVText.line(fields)).utf8)
    }

    /// `households` sorted by county, village and household ID: as the engine and the merge
    /// hand them over (checked, not sorted again), or sorted here when they come otherwise.
    static func ordered(_ households: [ClueHousehold]) -> [ClueHousehold] {
        let before: (ClueHousehold, ClueHousehold) -> Bool = {
            ($0.countyCode, $0.villageCode, $0.householdID) < ($1.countyCode, $1.villageCode, $1.householdID)
        }
        return zip(households, households.dropFirst()).allSatisfy { !before($1, $0) }
            ? households : households.sorted(by: before)
    }

    /// The counties of `households` (in `ordered` order) with the rows of each, in county order.
    static func counties(_ households: [ClueHousehold]) -> [(code: String, rows: Range<Int>)] {
        var result: [(code: String, rows: Range<Int>)] = []
        var start = 0
        while start < households.count {
            let code = households[start].countyCode
            var end = start + 1
            while end < households.count && households[end].countyCode == code { end += 1 }
            result.append((code, start..<end))
            start = end
        }
        return result
    }
}
