import Ingest

/// One person of a synthetic household before it is written.
struct Member {
    enum Relation: Int {
        case head = 0, spouse, child, parent, other
    }

    enum Labour: Int {
        case full = 0, weak, none
    }

    var relation: Relation
    var age: Int
    var isMale: Bool
    var labour: Labour = .none

    /// Working age and able to work: counts as labour (full or weak, aged 16–64).
    var isLabour: Bool { labour != .none && (16...64).contains(age) }
}

/// Draws who lives in a household: a head, perhaps a spouse, children,
/// parents and grandchildren, with ages and labour capacity.
enum HouseholdMembers {
    /// Fills `members` (cleared first) with at most `limit` persons.
    /// A relocated household is a working family: a younger head and more
    /// adult children, as the relocation programme moved whole families.
    static func draw(into members: inout [Member], limit: Int, relocated: Bool, random: inout RandomStream) {
        members.removeAll(keepingCapacity: true)
        let headAge = relocated ? random.int(30...55) : 20 + 5 * random.pick(Calibration.headAgeBands) + random.below(5)
        let headMale = random.chance(perMillion: 850_000)
        members.append(Member(relation: .head, age: headAge, isMale: headMale))
        let married = relocated ? random.chance(perMillion: 950_000)
            : random.chance(perMillion: headAge < 70 ? 800_000 : 550_000)
        if married {
            members.append(Member(relation: .spouse, age: max(18, headAge + random.int(-5...3)), isMale: !headMale))
        }
        if relocated {
            for _ in 0..<random.pick(Calibration.relocatedAdultChildren) {
                let age = min(headAge - 18, random.int(18...30))
                if age >= 16 { members.append(Member(relation: .child, age: age, isMale: random.chance(perMillion: 520_000))) }
            }
            for _ in 0..<random.below(3) {
                members.append(Member(relation: .child, age: random.int(0...min(15, headAge - 22)), isMale: random.chance(perMillion: 520_000)))
            }
        } else {
            for _ in 0..<random.pick(Calibration.childCounts) {
                let age = headAge - random.int(20...38)
                if age >= 0 { members.append(Member(relation: .child, age: age, isMale: random.chance(perMillion: 520_000))) }
            }
        }
        if headAge < 60 && random.chance(perMillion: relocated ? 300_000 : 285_000) {
            let parents = random.chance(perMillion: 350_000) ? 2 : 1
            for p in 0..<parents {
                let age = min(99, headAge + random.int(22...34))
                members.append(Member(relation: .parent, age: age, isMale: p == 1 ? true : random.chance(perMillion: 400_000)))
            }
        }
        if headAge >= 50 && random.chance(perMillion: 160_000) {
            for _ in 0..<(1 + random.below(2)) {
                members.append(Member(relation: .other, age: random.int(0...14), isMale: random.chance(perMillion: 520_000)))
            }
        }
        if members.count > limit { members.removeLast(members.count - limit) }
        for i in members.indices { members[i].labour = labour(age: members[i].age, random: &random) }
    }

    /// Labour capacity by age: children none; adults mostly full; the old weak or none.
    private static func labour(age: Int, random: inout RandomStream) -> Member.Labour {
        let draw = random.below(1_000)
        switch age {
        case ..<16: return .none
        case 16...59: return draw < 900 ? .full : draw < 970 ? .weak : .none
        case 60...69: return draw < 250 ? .full : draw < 750 ? .weak : .none
        default: return draw < 200 ? .weak : .none
        }
    }
}
