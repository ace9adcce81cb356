import Foundation
import Testing
import TestSupport

/// A wrong path never destroys feeds, outputs or the warehouse.
@Suite(.serialized) struct PathSafetyTests {
    static let fixture = BottomlineProcess.repository.appendingPathComponent("Tests/EngineTests/Fixtures/edge_cases").path

    /// A copy of the fixture's feeds in `work/province/data`.
    static func feeds(_ work: TemporaryFolder) throws -> String {
        let data = work.file("province/data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: fixture + "/" + name, toPath: data + "/" + name)
        }
        return data
    }

    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test(arguments: ["data", "parent", "dot", "pipeline-folder"])
    func anOutputFolderHoldingTheFeedsIsRefused(_ place: String) throws {
        let work = try TemporaryFolder("paths")
        let data = try Self.feeds(work)
        let before = Self.files(data)
        let pipeline = BottomlineProcess.repository.appendingPathComponent("Pipelines/guizhou.yaml").path
        let out: String
        switch place {
        case "data": out = data
        case "parent": out = work.file("province")
        case "dot": out = "."
        default: out = BottomlineProcess.repository.appendingPathComponent("Pipelines").path
        }
        let refused = try BottomlineProcess.run(["run", "--data", data, "--date", "2026-11-28", "--out", out,
                                                 "--pipeline", pipeline])
        #expect(refused.status == 1, "\(refused.standardError)")
        #expect(refused.standardError.contains("--out \(out)"))
        #expect(refused.standardError.contains(place == "pipeline-folder" ? pipeline : place == "dot" ? "working directory" : data))
        #expect(Self.files(data) == before)
        #expect(FileManager.default.fileExists(atPath: pipeline))
    }

    @Test func anOutputFolderReachedThroughASymbolicLinkIsRefused() throws {
        let work = try TemporaryFolder("paths")
        let data = try Self.feeds(work)
        try FileManager.default.createSymbolicLink(atPath: work.file("link"), withDestinationPath: work.file("province"))
        let refused = try BottomlineProcess.run(["run", "--data", data, "--date", "2026-11-28", "--out", work.file("link")])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(work.file("link")) && refused.standardError.contains(data))
        #expect(Self.files(data).count == 11)
    }

    @Test func aWarehouseInsideTheOutputFolderIsRefused() throws {
        let work = try TemporaryFolder("paths")
        let data = try Self.feeds(work)
        let out = work.file("out"), warehouse = work.file("out/w.sqlite")
        #expect(try BottomlineProcess.run(["run", "--data", data, "--date", "2026-11-28", "--out", out]).status == 0)
        let refused = try BottomlineProcess.run(["run", "--data", data, "--date", "2026-11-29", "--out", out,
                                                 "--warehouse", warehouse])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(out) && refused.standardError.contains(warehouse))
        #expect(!FileManager.default.fileExists(atPath: warehouse))
        #expect(FileManager.default.fileExists(atPath: out + "/indicators.csv"))
    }

    @Test func checkOutWritesItsFileBesideThePublishedOutputs() throws {
        let work = try TemporaryFolder("paths")
        let data = try Self.feeds(work)
        let out = work.file("out/2026-11-28")
        #expect(try BottomlineProcess.run(["run", "--data", data, "--date", "2026-11-28", "--out", out]).status == 0)
        let published = Self.files(out)
        let indicators = try Data(contentsOf: URL(fileURLWithPath: out + "/indicators.csv"))
        let checked = try BottomlineProcess.run(["check", "--data", data, "--date", "2026-11-28", "--out", out])
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(Self.files(out) == published)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/indicators.csv")) == indicators)
        #expect(Self.files(work.file("out")) == ["2026-11-28"])
    }
}
