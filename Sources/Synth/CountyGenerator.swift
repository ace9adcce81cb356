import Ingest

/// Generates one county: its townships and villages, then household after
/// household with their members and sector rows, from the county's own
/// random stream, so counties can run in parallel and still give the same bytes.
struct CountyGenerator {
    let share: ProvincePlan.CountyShare
    let reference: Int32
    let referenceYear: Int
    var random: RandomStream
    var ids: ResidentIDMaker
    var output: CountyOutput
    /// Scratch space reused for every household and ID.
    var members: [Member] = []
    var id = [UInt8](repeating: 0, count: 18)
    /// For each age 0…110, the earliest and latest birth dates giving that age at the reference date.
    let birthRange: [ClosedRange<Int32>]
    /// Resettlement sites of the county (codes county + 001 …).
    let siteCount: Int

    /// Share of villages left without households (at least one in the province).
    static let emptyVillagesPerMillion = 10_000
    static let villagesPerTownship = 9

    init(share: ProvincePlan.CountyShare, reference: Int32, seed: UInt64) {
        self.share = share
        self.reference = reference
        let civil = DayNumber.civil(reference)
        referenceYear = civil.year
        random = RandomStream(seed: seed, stream: UInt64(share.index))
        ids = ResidentIDMaker(countyCode: share.county.code, reference: reference, offset: random.below(ResidentIDMaker.sequencesPerDay))
        output = CountyOutput(expectedPersons: share.persons)
        siteCount = max(1, min(999, share.persons / 25 / Calibration.relocatedPersonsPerSite))
        birthRange = (0...110).map { age in
            func anniversary(_ yearsBack: Int) -> Int32 {
                let year = civil.year - yearsBack
                let day = min(civil.day, DayNumber.daysIn(month: civil.month, year: year))
                return DayNumber.from(year: year, month: civil.month, day: day) ?? reference
            }
            return (anniversary(age + 1) + 1)...anniversary(age)
        }
    }

    /// Generates the whole county.
    static func generate(_ share: ProvincePlan.CountyShare, reference: Int32, seed: UInt64) -> CountyOutput {
        var generator = CountyGenerator(share: share, reference: reference, seed: seed)
        generator.generateVillages()
        return generator.output
    }

    private mutating func generateVillages() {
        let villageCount = share.villages
        let townshipCount = max(1, min(198, (villageCount + Self.villagesPerTownship - 1) / Self.villagesPerTownship))
        let towns = max(1, min(99, (townshipCount * 7 + 9) / 10))
        var townshipStems = Set<String>()
        let townships = (0..<townshipCount).map { t -> (code: Int, name: String) in
            let number = t < towns ? 101 + t : 201 + t - towns
            let name = PlaceNames.stem(&random, avoiding: &townshipStems) + (t < towns ? "镇" : "乡")
            return (share.county.code * 1_000 + number, name)
        }
        var empty = (0..<villageCount).map { _ in random.chance(perMillion: Self.emptyVillagesPerMillion) }
        if share.index == 0 { empty[villageCount - 1] = true }
        if share.persons > 0 && !empty.contains(false) { empty[0] = false }
        let quotas = ProvincePlan.apportion(share.persons, weights: empty.map { $0 ? 0 : random.int(60...140) })
        var villageStems = Set<String>()
        var previousTownship = -1
        var villageInTownship = 0
        for v in 0..<villageCount {
            let t = v * townshipCount / villageCount
            if t != previousTownship {
                previousTownship = t
                villageInTownship = 0
                villageStems.removeAll()
            }
            villageInTownship += 1
            let township = townships[t]
            let villageCode = township.code * 1_000 + 200 + villageInTownship
            let villageName = PlaceNames.stem(&random, avoiding: &villageStems) + "村"
            writeVillage(code: villageCode, name: villageName, township: township)
            if empty[v] { output.emptyVillages.append(villageCode) }
            let households = generateHouseholds(village: villageCode, persons: quotas[v])
            if households > 0 && output.firstVillage == nil { output.firstVillage = (villageCode, households) }
        }
    }

    private mutating func writeVillage(code: Int, name: String, township: (code: Int, name: String)) {
        output.villages.appendDigits(code, width: 12)
        output.villages.comma()
        output.villages.append(name)
        output.villages.comma()
        output.villages.appendDigits(township.code, width: 9)
        output.villages.comma()
        output.villages.append(township.name)
        output.villages.comma()
        output.villages.appendDigits(share.county.code, width: 6)
        output.villages.endRow()
    }

    /// Households of one village until its persons are placed; returns how many.
    private mutating func generateHouseholds(village: Int, persons: Int) -> Int {
        var remaining = persons
        var sequence = 0
        while remaining > 0 && sequence < 9_999 {
            sequence += 1
            var facts = HouseholdFacts.draw(keyCounty: share.county.isKey, random: &random)
            HouseholdMembers.draw(into: &members, limit: remaining, relocated: facts.relocated, random: &random)
            facts.complete(members: members, reference: reference, random: &random)
            if facts.relocated { facts.site = share.county.code * 1_000 + 1 + random.below(siteCount) }
            let household = village * 10_000 + sequence
            if output.firstHousehold == nil { output.firstHousehold = household }
            writeHousehold(household, village: village, facts: facts)
            writeHousing(household, covered: facts.isCovered)
            writeWater(household)
            for i in members.indices { writePerson(members[i], household: household, facts: facts) }
            remaining -= members.count
        }
        return sequence
    }
}
