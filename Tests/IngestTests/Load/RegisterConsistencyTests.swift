import Ingest
import Testing
import TestSupport

/// The registers must agree with themselves and with the pipeline's province:
/// a stray county, a county filed under another prefecture and two names for
/// one prefecture, county or township code are refused, each named.
@Suite struct RegisterConsistencyTests {
    static func error(_ rows: [String], provinceCode: String? = nil) throws -> IngestError? {
        var writer = FeedFolderWriter()
        writer[.regions] += rows
        var options = testOptions()
        options.provinceCode = provinceCode
        return try FatalErrorTests.loadError(writer, options: options)
    }

    @Test func countyOfAnotherProvinceIsRefused() throws {
        let error = try Self.error(["520100,贵阳市,520103,云岩区,0", "110100,北京市,110101,东城区,0"])
        #expect(error == .inconsistentRegisters(file: "regions.csv", problems: [
            "county 110101 is not in province 52 (the province of most counties)",
        ]))
        // With the pipeline's province code even a lone county of another province is named.
        let pipelineError = try Self.error(["110100,北京市,110101,东城区,0", "110100,北京市,110102,西城区,0"],
                                           provinceCode: "52")
        #expect(pipelineError == .inconsistentRegisters(file: "regions.csv", problems: [
            "county 110101 is not in province 52 (the pipeline's province code)",
            "county 110102 is not in province 52 (the pipeline's province code)",
        ]))
        #expect(pipelineError?.description.contains("correct the register with its sender") == true)
    }

    @Test func countyFiledUnderAnotherPrefectureIsRefused() throws {
        let error = try Self.error(["520300,遵义市,520302,红花岗区,0", "520300,遵义市,520402,西秀区,0"])
        #expect(error == .inconsistentRegisters(file: "regions.csv", problems: [
            "county 520402 is filed under prefecture 520300, but its code belongs to prefecture 520400",
        ]))
    }

    @Test func prefectureWithTwoNamesIsRefused() throws {
        let error = try Self.error(["520100,筑城,520103,云岩区,0"])
        #expect(error == .inconsistentRegisters(file: "regions.csv", problems: [
            "regions.csv:3:2: prefecture 520100 is named 筑城 here but 贵阳市 on line 2 (column prefecture_name); a code has one name",
        ]))
    }

    /// A repeated county row is quarantined as a duplicate key, yet a second name for the county is refused.
    @Test func countyWithTwoNamesIsRefused() throws {
        let error = try Self.error(["520100,贵阳市,520103,云岩区,0", "520100,贵阳市,520103,\"云岩\"\"新\"\"区\",0"])
        #expect(error == .inconsistentRegisters(file: "regions.csv", problems: [
            "regions.csv:4:4: county 520103 is named 云岩\"新\"区 here but 云岩区 on line 3 (column county_name); a code has one name",
        ]))
        #expect(error?.description.hasPrefix("regions.csv: the registers contradict each other: regions.csv:4:4:") == true)
    }

    @Test func townshipWithTwoNamesIsRefused() throws {
        var writer = FeedFolderWriter()
        // The township code is the village code's first 9 digits; the second and fourth villages rename it.
        writer[.villages] += ["520102001002,观山村,520102001,观山湖街道,520102", "520102001003,甲秀村,520102001,花果园街道,520102",
                              "520102001004,南岳村,520102001,南岳街道,520102"]
        let error = try FatalErrorTests.loadError(writer, options: testOptions())
        #expect(error == .inconsistentRegisters(file: "villages.csv", problems: [
            "villages.csv:3:4: township 520102001 is named 观山湖街道 here but 花果园街道 on line 2 (column township_name); a code has one name",
            "villages.csv:5:4: township 520102001 is named 南岳街道 here but 花果园街道 on line 2 (column township_name); a code has one name",
        ]))
    }

    /// The names are read before the loader gives the pages it has parsed back to the system: a rename on
    /// the first page of a register of many pages is found, whatever the threads and chunks.
    @Test(arguments: [(1, 4 << 20), (2, 4096)])
    func renameEarlyInALargeRegisterIsRefused(threads: Int, chunkBytes: Int) throws {
        var writer = FeedFolderWriter()
        writer[.villages] += ["520102001002,观山村,520102001,观山湖街道,520102"]
            + (3...999).map { "520102001\(String(1000 + $0).suffix(3)),第\($0)村,520102001,花果园街道,520102" }
        let error = try FatalErrorTests.loadError(writer, options: testOptions(threads: threads, chunkBytes: chunkBytes))
        #expect(writer.bytes(of: .villages).count > 8 * 4096)
        #expect(error == .inconsistentRegisters(file: "villages.csv", problems: [
            "villages.csv:3:4: township 520102001 is named 观山湖街道 here but 花果园街道 on line 2 (column township_name); a code has one name",
        ]))
    }

    @Test func consistentRegistersAreRead() throws {
        var writer = FeedFolderWriter()
        writer.append(.regions, "520100,贵阳市,520103,云岩区,0", "522300,黔西南布依族苗族自治州,522301,兴义市,1")
        var options = testOptions()
        options.provinceCode = "52"
        let result = try ingest(writer, options: options)
        #expect(result.accounting(.regions).accepted == 3)
    }
}
