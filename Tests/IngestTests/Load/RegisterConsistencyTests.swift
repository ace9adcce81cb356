import Ingest
import Testing
import TestSupport

/// The registers must agree with themselves and with the pipeline's province:
/// a stray county, a county filed under another prefecture and two names for
/// one prefecture or county code are refused, each named.
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

    @Test func consistentRegistersAreRead() throws {
        var writer = FeedFolderWriter()
        writer.append(.regions, "520100,贵阳市,520103,云岩区,0", "522300,黔西南布依族苗族自治州,522301,兴义市,1")
        var options = testOptions()
        options.provinceCode = "52"
        let result = try ingest(writer, options: options)
        #expect(result.accounting(.regions).accepted == 3)
    }
}
