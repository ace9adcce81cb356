import Ingest
import Testing
import TestSupport

/// Parsing in many small chunks on several threads must give exactly what one
/// sequential read gives: tables, accounting and quarantine (lines included),
/// whatever falls on a chunk seam.
@Suite struct ChunkParityTests {
    /// A few hundred rows per roster feed with quoted line breaks, mixed line
    /// ends, empty lines and bad rows of every kind, generated from a seed.
    static func messyFolder(seed: UInt64) -> FeedFolderWriter {
        var random = SeededGenerator(seed: seed)
        var writer = FeedFolderWriter()
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        func lineEnd() -> String { chance(30) ? "\r" : "" } // the writer adds "\n"
        func quotedText(_ base: String) -> String {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return "\"\(base), 分组\""
            case 1: return "\"\(base) \"\"新\"\"\""
            case 2: return "\"\(base)\n第二行\""
            case 3: return "\"\(base)\r\n二\r\n三\n四\""
            case 4: return "  \(base)  "
            default: return base
            }
        }
        func spoil(_ row: String, field: Int) -> String {
            spoil(fields: row.split(separator: ",", omittingEmptySubsequences: false).map(String.init), field: field)
        }
        func spoil(fields: [String], field: Int) -> String {
            var fields = fields
            let row = fields.joined(separator: ",")
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return row + ",surplus" // wrong field count
            case 1: fields[field] = "\"open " + fields[field] // a quote that is never closed properly
            case 2: fields[field] = "\"x\"y" // text after a closing quote
            case 3: fields[field] = "?" // invalid value
            case 4: fields[field] = "" // empty
            default: return String(row.dropLast())
            }
            return fields.joined(separator: ",")
        }
        var emit: [Feed: [String]] = [:]
        func add(_ feed: Feed, _ row: String) {
            if chance(5) { emit[feed, default: []].append(chance(50) ? "" : "\r") } // an empty line
            emit[feed, default: []].append(row + lineEnd())
        }

        let counties = (103...110).map { "520\($0)" }
        for (i, county) in counties.enumerated() {
            add(.regions, "520100,贵阳市,\(county),\(quotedText("县\(i)")),\(i % 2)")
        }
        var villages: [String] = [FeedFolderWriter.village]
        // One name per township, written the same way on each of its rows (a register has one name per code).
        var townships: [Substring: String] = [FeedFolderWriter.village.prefix(9): "花果园街道"]
        for n in 0..<240 {
            let county = counties[n % counties.count]
            let code = "\(county)00\(n % 10)\(String(100 + n).suffix(3))"
            let written = quotedText("镇")
            let township = townships[code.prefix(9)] ?? written
            townships[code.prefix(9)] = township
            let fields = [code, quotedText("村\(n)"), String(code.prefix(9)), township, county]
            var row = fields.joined(separator: ",")
            // The village's name or its county, never its township's name.
            if chance(8) { row = spoil(fields: fields, field: 1 + 3 * Int.random(in: 0...1, using: &random)) }
            if chance(3) { row = "\(code),村,\(code.prefix(9)),\(township),520199" } // unknown county
            if chance(4), let earlier = villages.randomElement(using: &random) {
                row = "\(earlier),重复,\(earlier.prefix(9)),\(townships[earlier.prefix(9)] ?? ""),\(earlier.prefix(6))"
            }
            villages.append(code)
            add(.villages, row)
        }
        var households: [String] = [FeedFolderWriter.household]
        for n in 0..<400 {
            let village = villages.randomElement(using: &random)!
            let id = "\(village)\(String(1000 + n).suffix(4))"
            let category = Households.category.words.randomElement(using: &random)!
            let monitored = category == "monitored"
            var row = "\(id),\(village),\(category),\(monitored ? "unstable" : ""),\(monitored ? "not_eliminated" : ""),"
                + "\(monitored ? "illness" : ""),2024-01-0\(1 + n % 9),\(monitored ? "included" : "pending"),"
                + "\(monitored ? "2024-02-01" : ""),,\(n % 2),,\(n * 37 % 20000).\(n % 100),,\(chance(50) ? "\"industry;credit\"" : "")"
            if chance(6) { row = spoil(row, field: 2) }
            households.append(id)
            add(.households, row)
        }
        writer.headers[.persons] = "person_id,note,household_id,relation,labor_capacity,status"
        writer[.persons] = ["\(FeedFolderWriter.person),,\(FeedFolderWriter.household),head,full,"]
        var persons: [String] = [FeedFolderWriter.person]
        for n in 0..<600 {
            let id = personID(n % 997 + 1, born: 1940 + n % 80)
            var row = "\(id),\(quotedText("备注")),\(households.randomElement(using: &random)!),child,weak,"
            if chance(6) { row = spoil(row, field: 3) }
            if chance(2) { row = "\(ResidentIDMaker.withWrongCheck(id)),,\(households[0]),child,weak," }
            persons.append(id)
            add(.persons, row)
        }
        for n in 0..<500 {
            let person = persons.randomElement(using: &random)!
            var row = "\(person),\(2020 + n % 7),\(n % 2)"
            if chance(4) { row = spoil(row, field: 2) }
            add(.medicalInsurance, row)
        }
        for n in 0..<200 {
            let household = households.randomElement(using: &random)!
            add(.housing, "\(household),\(Housing.grade.words[n % 4]),\(n % 2)")
            add(.employment, "\(persons.randomElement(using: &random)!),employed,province,0,\(n % 13),\(n).5,\(n % 3)")
        }
        for (feed, rows) in emit { writer.rawRows[feed, default: []] += rows.map { Array($0.utf8) } }
        // Invalid UTF-8 in a few rows.
        for i in stride(from: 5, to: 200, by: 47) { writer.rawRows[.villages]![i] += [0xE4, 0xB8] }
        return writer
    }

    static func expectSameOutcome(_ reference: IngestResult, _ other: IngestResult, _ label: String) {
        #expect(other.accounting == reference.accounting, "\(label): accounting")
        #expect(other.findings == reference.findings, "\(label): quarantine")
        #expect(Array(other.quarantine) == Array(reference.quarantine), "\(label): quarantine messages")
        for feed in Feed.allCases {
            #expect(other.table(feed).columns.map(\.texts) == reference.table(feed).columns.map(\.texts), "\(label): \(feed.fileName)")
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func tinyChunksOnFourThreadsEqualOneSequentialRead(seed: UInt64) throws {
        let writer = Self.messyFolder(seed: seed)
        let sequential = try ingest(writer, options: testOptions(threads: 1, chunkBytes: Int.max))
        // The generated data must really exercise the reader.
        let reasons = Set(sequential.quarantine.map(\.reason))
        #expect(reasons.isSuperset(of: [.malformedRow, .invalidEncoding, .invalidValue, .duplicateKey, .unknownCounty,
                                        .unknownVillage, .unknownHousehold, .unknownPerson, .invalidPersonID]))
        #expect(sequential.accounting(.persons).read > 600)
        #expect(sequential.table(.persons).rowCount > 400)
        for chunkBytes in [1, 7, 64, 100, 333, 4096] {
            let chunked = try ingest(writer, options: testOptions(threads: 4, chunkBytes: chunkBytes))
            Self.expectSameOutcome(sequential, chunked, "chunkBytes \(chunkBytes)")
        }
    }

    @Test func longQuotedFieldsAcrossManySeams() throws {
        var writer = FeedFolderWriter()
        writer.headers[.water] = "household_id,tap_water,note,safe"
        let long = (0..<300).map { "第\($0)行, \"\"引号\"\"" }.joined(separator: "\n") // ≈ 6 KB over 300 lines
        let h = FeedFolderWriter.household
        writer[.water] = [
            "\(h),1,\"\(long)\",1", // lines 2–301: accepted
            "5201020010019999,0,x,1", // line 302: unknown household
            "\(h),0,\"\(long)\"", // lines 303–602: three fields
            "\(h),0,\"\(long)\",2", // lines 603–902: invalid flag
            "\(h),0,\"open", // line 903: closed by the next row's first quote, followed by text
        ]
        // Lines 904–1203: an invalid byte at the end of a long record, far past the seam where it starts.
        writer.rawRows[.water]!.append(Array("\(h),1,\"\(long)".utf8) + [0xFF] + Array("\",1".utf8))
        let sequential = try ingest(writer, options: testOptions(threads: 1, chunkBytes: Int.max))
        #expect(sequential.findings.map(\.reason) == [.unknownHousehold, .malformedRow, .invalidValue, .malformedRow,
                                                     .invalidEncoding])
        #expect(sequential.findings.map(\.line) == [302, 303, 603, 903, 904])
        #expect(sequential.table(.water)[Water.tapWater] == [1])
        for chunkBytes in [1, 64, 4000, 5000, 7000] {
            let chunked = try ingest(writer, options: testOptions(threads: 4, chunkBytes: chunkBytes))
            Self.expectSameOutcome(sequential, chunked, "chunkBytes \(chunkBytes)")
        }
    }
}
