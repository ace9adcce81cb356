import Foundation
@testable import Reports
import TestSupport
import Testing

@Suite struct MeetingOutputsTests {
    @Test func writesEveryFormatAndTheSameBytesTwice() throws {
        let (_, ingest) = try FeedFixture.ingest()
        let inputs = ProvinceFixture.inputs(ingest: ingest)
        let first = try TemporaryFolder(prefix: "reports-all")
        let second = try TemporaryFolder(prefix: "reports-all")
        defer {
            first.remove()
            second.remove()
        }
        let target = first.url.appendingPathComponent("nested/out").path
        try MeetingOutputs.write(inputs, to: target)
        try MeetingOutputs.write(inputs, to: second.path)
        let files = ["county_summary.csv", "county_summary.xlsx", "report.html", "clues/520102.csv", "clues/522601.csv"]
        for file in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: target).appendingPathComponent(file))
            let b = try second.data(file)
            #expect(!a.isEmpty)
            #expect(a == b, "\(file) differs between two runs")
        }
        #expect(MeetingOutputs.formats.map(\.path) == ["county_summary.csv", "county_summary.xlsx", "report.html", "clues", "lists"])
    }
}
