import Ingest
import Testing
import TestSupport

/// Columns are matched by name, in any order; extra columns are ignored and listed.
@Suite struct HeaderTests {
    @Test func columnsInAnyOrderWithExtraColumns() throws {
        var writer = FeedFolderWriter()
        let h = FeedFolderWriter.household
        writer.headers[.persons] = "remark,labor_capacity,status,person_id,\"手机号\",relation,household_id,remark"
        writer[.persons] = [
            "first,full,,\(FeedFolderWriter.person),13800000000,head,\(h),again",
            "\"multi\nline\",weak,military,\(personID(2)),,spouse,\(h),",
        ]
        writer.headers[.water] = "safe,household_id,tap_water"
        writer[.water] = ["0,\(h),1"]
        let result = try ingest(writer)
        #expect(result.quarantine.isEmpty)
        #expect(result.accounting(.persons).extraColumns == ["remark", "手机号"])
        #expect(result.accounting.filter { $0.feed != .persons }.allSatisfy { $0.extraColumns.isEmpty })
        let persons = result.table(.persons)
        #expect(persons[Persons.personID].map { ResidentID.text(UInt64($0)) } == [FeedFolderWriter.person, personID(2)])
        #expect(persons[Persons.relation] == [1, 2])
        #expect(persons[Persons.laborCapacity] == [1, 2])
        #expect(persons[Persons.status] == [0, 3])
        #expect(result.table(.water)[Water.tapWater] == [1])
        #expect(result.table(.water)[Water.safe] == [0])
    }

    @Test func headerColumnsAreTrimmedLikeFields() throws {
        var writer = FeedFolderWriter()
        writer.headers[.housing] = " household_id , grade,renovated "
        writer.lineEnd = "\r\n"
        let result = try ingest(writer)
        #expect(result.quarantine.isEmpty)
        #expect(result.accounting(.housing).extraColumns.isEmpty)
    }

    @Test func rowsMustHaveAsManyFieldsAsTheHeaderIncludingExtras() throws {
        var writer = FeedFolderWriter()
        writer.headers[.water] = "household_id,tap_water,safe,note"
        writer[.water] = ["\(FeedFolderWriter.household),1,1"]
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.water, 2, .malformedRow, "", "\(FeedFolderWriter.household),1,1")])
    }
}
