import Ingest
import Testing
import TestSupport

/// Resident IDs (GB 11643-1999) checked by `ResidentID.check`.
@Suite struct ResidentIDTests {
    static let reference = testReferenceDate // 2026-11-28

    static func problem(_ id: String, reference: Int32 = reference) -> ResidentID.Problem? {
        switch ResidentID.check(id, referenceDate: reference) {
        case .success: return nil
        case .failure(let problem): return problem
        }
    }

    @Test func standardExampleIsValid() throws {
        #expect(ResidentIDMaker.checkCharacter(of: "11010519491231002") == "X")
        let id = try ResidentID.check("11010519491231002X", referenceDate: Self.reference).get()
        #expect(DayNumber.format(id.birth) == "1949-12-31")
        #expect(ResidentID.text(id.packed) == "11010519491231002X")
    }

    @Test func lowercaseXIsReadAsX() throws {
        let lower = try ResidentID.check("11010519491231002x", referenceDate: Self.reference).get()
        let upper = try ResidentID.check("11010519491231002X", referenceDate: Self.reference).get()
        #expect(lower.packed == upper.packed)
        #expect(ResidentID.text(lower.packed) == "11010519491231002X")
    }

    @Test func wrongCheckCharacterNamesTheRightOne() {
        #expect(Self.problem("110105194912310021") == .wrongCheckCharacter(expected: "X"))
        let valid = ResidentIDMaker.make(birth: "19850607", sequence: 31)
        #expect(Self.problem(valid) == nil)
        #expect(Self.problem(ResidentIDMaker.withWrongCheck(valid)) == .wrongCheckCharacter(expected: valid.last!))
    }

    @Test func lengthAndCharacters() {
        #expect(Self.problem("11010519491231002") == .wrongLength)
        #expect(Self.problem("11010519491231002X1") == .wrongLength)
        #expect(Self.problem("") == .wrongLength)
        #expect(Self.problem("1101051949123A002X") == .notDigits)
        #expect(Self.problem("11010519491231002Y") == .notDigits)
        #expect(Self.problem("X1010519491231002X") == .notDigits)
        #expect(Self.problem(" 1010519491231002X") == .notDigits)
    }

    @Test(arguments: ["20230230", "19990229", "19001301", "19000229", "20210431", "00000101", "19800100"])
    func impossibleBirthDates(birth: String) {
        #expect(Self.problem(ResidentIDMaker.make(birth: birth, sequence: 1)) == .impossibleBirthDate)
    }

    @Test(arguments: ["20000229", "19960229", "20240229", "19491231", "20260101"])
    func realBirthDates(birth: String) throws {
        let id = try ResidentID.check(ResidentIDMaker.make(birth: birth, sequence: 7), referenceDate: Self.reference).get()
        #expect(DayNumber.format(id.birth).replacingOccurrences(of: "-", with: "") == birth)
    }

    @Test func bornOnTheReferenceDateIsValidTheDayAfterIsNot() {
        #expect(Self.problem(ResidentIDMaker.make(birth: "20261128", sequence: 2)) == nil)
        #expect(Self.problem(ResidentIDMaker.make(birth: "20261129", sequence: 2)) == .bornAfterReferenceDate)
    }

    @Test func productionCheckAgreesWithTheIndependentOneOnManyIDs() throws {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2000 {
            let birth = DayNumber.from(year: 1900, month: 1, day: 1)! + Int32.random(in: 0..<45_000, using: &random)
            let digits = DayNumber.format(birth).replacingOccurrences(of: "-", with: "")
            let address = String(Int.random(in: 110_000...659_999, using: &random))
            let id = ResidentIDMaker.make(address: address, birth: digits, sequence: Int.random(in: 0...999, using: &random))
            let checked = try ResidentID.check(id, referenceDate: Self.reference).get()
            #expect(ResidentID.text(checked.packed) == id)
            #expect(checked.birth == birth)
            #expect(ResidentID.checkCharacter(first17: String(id.prefix(17))) == id.last)
            #expect(Self.problem(ResidentIDMaker.withWrongCheck(id)) != nil)
        }
    }

    @Test func invalidIDsInPersonsAreQuarantinedAsInvalidPersonID() throws {
        var writer = FeedFolderWriter()
        let rows = ["11010519491231002", "1101051949123A002X", ResidentIDMaker.make(birth: "20230230", sequence: 1),
                    ResidentIDMaker.make(birth: "20261129", sequence: 1), "110105194912310021", ""]
        for id in rows { writer.append(.persons, "\(id),\(FeedFolderWriter.household),child,none,") }
        writer.append(.persons, "11010519491231002x,\(FeedFolderWriter.household),parent,weak,")
        let result = try ingest(writer)
        #expect(result.findings == rows.enumerated().map { Finding(.persons, $0.offset + 3, .invalidPersonID, "person_id", $0.element) })
        #expect(result.quarantine.map(\.message) == [
            "expected 18 characters (17 digits and a check digit or X)",
            "expected 17 digits followed by a digit or X",
            "the birth date (characters 7–14) is not a real date",
            "the birth date (characters 7–14) is after the reference date",
            "the check character does not match; by ISO 7064 MOD 11-2 it would be X",
            "expected an 18-character resident ID; the value is empty",
        ])
        #expect(result.table(.persons)[Persons.personID].map { ResidentID.text(UInt64($0)) }
            == [FeedFolderWriter.person, "11010519491231002X"])
    }
}
