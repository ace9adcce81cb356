import Ingest
import Testing
import TestSupport

/// Feeds in GB18030 and bytes that are not valid in a feed's encoding.
@Suite struct EncodingTests {
    static let names = ["黔东南苗族侗族自治州村", "𠀀村", "乌江·镇远村", "石阡县\"龙塘\"组"]

    /// The villages file with the default row and one row per name, as text.
    static func villagesText(_ names: [String], lineEnd: String = "\r\n") -> String {
        var writer = FeedFolderWriter()
        writer.lineEnd = lineEnd
        for (i, name) in names.enumerated() {
            writer.append(.villages, CSVReadingTests.village(i + 2, "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
        }
        return String(decoding: writer.bytes(of: .villages), as: UTF8.self)
    }

    @Test func gb18030FeedIsDecodedWithNamesIntact() throws {
        var writer = FeedFolderWriter()
        let text = Self.villagesText(Self.names)
        let encoded = GB18030Encoding.encode(text)
        #expect(encoded != Array(text.utf8))
        writer.files[.villages] = encoded
        let result = try ingest(writer, options: testOptions(encodings: [.villages: .gb18030]))
        #expect(result.quarantine.isEmpty)
        #expect(result.table(.villages)[Villages.villageName] == ["花果园村"] + Self.names)
        #expect(result.fileSizes[.villages] == encoded.count)
    }

    @Test func gb18030ByteOrderMarkIsSkipped() throws {
        var writer = FeedFolderWriter()
        writer.files[.villages] = GB18030Encoding.encode("\u{FEFF}" + Self.villagesText(["遵义村"]))
        let result = try ingest(writer, options: testOptions(encodings: [.villages: .gb18030]))
        #expect(result.quarantine.isEmpty)
        #expect(result.table(.villages)[Villages.villageName] == ["花果园村", "遵义村"])
    }

    @Test func gb18030FileDeclaredUTF8IsRefusedNamingGB18030() throws {
        var writer = FeedFolderWriter()
        writer.files[.villages] = GB18030Encoding.encode(Self.villagesText(["遵义村"]))
        let error = try FatalErrorTests.loadError(writer)
        #expect(error == .wrongEncoding(file: "villages.csv", declared: .utf8, likely: "GB18030"))
        #expect(error?.description.contains("to gb18030") == true)
    }

    @Test func utf8FileDeclaredGB18030IsRefusedNamingUTF8() throws {
        var writer = FeedFolderWriter()
        writer.files[.regions] = Array("prefecture_code,prefecture_name,county_code,county_name,key_county\n520200,六盘水市,520201,钟山区,0\n520100,贵阳市,520102,南明区,0\n".utf8)
        let error = try FatalErrorTests.loadError(writer, options: testOptions(encodings: [.regions: .gb18030]))
        #expect(error == .wrongEncoding(file: "regions.csv", declared: .gb18030, likely: "UTF-8"))
        #expect(error?.description.contains("to utf8") == true)
    }

    /// A UTF-8 file with one row of GB18030 bytes is read: only that row is quarantined.
    @Test func gb18030BytesInOneRowOfAUTF8FileAreInvalidEncoding() throws {
        var writer = FeedFolderWriter()
        writer.rawRows[.villages, default: []].append(
            Array("\(CSVReadingTests.villageCode(2)),".utf8) + GB18030Encoding.encode("遵义村")
                + Array(",\(FeedFolderWriter.township),花果园街道,\(FeedFolderWriter.county)".utf8))
        let result = try ingest(writer)
        #expect(result.quarantine(.villages).map(\.line) == [3])
        #expect(result.quarantine(.villages).allSatisfy { $0.reason == .invalidEncoding && $0.column == "village_name" })
        #expect(result.quarantine(.villages).first?.message.contains("gb18030") == true)
    }

    @Test func invalidGB18030SequenceQuarantinesOnlyItsRow() throws {
        var writer = FeedFolderWriter()
        let code = CSVReadingTests.villageCode
        let tail = ",\(FeedFolderWriter.township),花果园街道,\(FeedFolderWriter.county)\r\n"
        var bytes = GB18030Encoding.encode(Self.villagesText(["好村"]))
        // Line 4: a byte that is never valid in GB18030 inside the name.
        bytes += GB18030Encoding.encode("\(code(3)),坏") + [0xFF] + GB18030Encoding.encode("村" + tail)
        // Line 5: a lead byte cut short by the comma after it; the comma still separates fields.
        bytes += GB18030Encoding.encode("\(code(4)),半") + [0x81] + GB18030Encoding.encode(tail)
        bytes += GB18030Encoding.encode("\(code(5)),后村" + tail)
        writer.files[.villages] = bytes
        let result = try ingest(writer, options: testOptions(encodings: [.villages: .gb18030]))
        #expect(result.findings == [Finding(.villages, 4, .invalidEncoding, "village_name", "坏\u{FFFD}村"),
                                    Finding(.villages, 5, .invalidEncoding, "village_name", "半\u{FFFD}")])
        #expect(result.table(.villages)[Villages.villageName] == ["花果园村", "好村", "后村"])
    }

    @Test func decoderTurnsGB18030IntoUTF8() throws {
        let text = "村名,𠀀,€,ASCII\r\n" + Self.names.joined(separator: "\n")
        let decoded = try GB18030Encoding.encode(text).withUnsafeBufferPointer { try GB18030Decoder.decode($0) }
        #expect(decoded == Array(text.utf8))
        let broken = try [0x41, 0xFF, 0x42, 0x81].withUnsafeBufferPointer { try GB18030Decoder.decode($0) }
        #expect(broken == [0x41, 0xFF, 0x42, 0xFF])
    }

    @Test func invalidUTF8IsQuarantinedWithLineAndColumn() throws {
        var writer = FeedFolderWriter()
        let person2 = personID(2), person3 = personID(3)
        var bytes = writer.bytes(of: .persons)
        bytes += Array("\(person2),\(FeedFolderWriter.household),\"chi".utf8) + [0xC3, 0x28] + Array("ld\",full,\n".utf8)
        bytes += Array("\(person3),\(FeedFolderWriter.household),child,weak,\n".utf8)
        // An overlong encoding in the last column, last line without a line break.
        bytes += Array("\(personID(4)),\(FeedFolderWriter.household),child,none,".utf8) + [0xC0, 0xAF]
        writer.files[.persons] = bytes
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.persons, 3, .invalidEncoding, "relation", "chi\u{FFFD}(ld"),
                                    Finding(.persons, 5, .invalidEncoding, "status", "\u{FFFD}\u{FFFD}")])
        #expect(result.table(.persons)[Persons.personID].map { ResidentID.text(UInt64($0)) } == [FeedFolderWriter.person, person3])
    }

    @Test func invalidUTF8InAnExtraColumnStillQuarantinesTheRow() throws {
        var writer = FeedFolderWriter()
        writer.headers[.water] = "household_id,tap_water,safe,note"
        writer.files[.water] = Array(writer.bytes(of: .water).dropLast(1)) + Array(",ok\n".utf8)
            + Array("\(FeedFolderWriter.household),1,1,".utf8) + [0xED, 0xA0, 0x80, 0x0A]
        let result = try ingest(writer)
        #expect(result.findings == [Finding(.water, 3, .invalidEncoding, "", "\u{FFFD}\u{FFFD}\u{FFFD}")])
        #expect(result.accounting(.water).extraColumns == ["note"])
    }
}
