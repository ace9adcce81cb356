import Foundation
import Testing

/// `FixtureTests` runs one case per fixture folder: if the folder stopped
/// resolving it would run zero cases and pass. This fails instead.
@Suite struct FixtureDiscoveryTests {
    @Test func theHandWorkedFixturesAreFound() {
        #expect(!FixtureTests.cases.isEmpty, "no fixture under \(EngineHarness.fixtures.path)")
        #expect(FixtureTests.cases.contains("edge_cases"))
        for name in FixtureTests.cases {
            let expected = EngineHarness.fixtures.appendingPathComponent(name).appendingPathComponent("expected.csv").path
            #expect(FileManager.default.fileExists(atPath: expected), "\(name) has no expected.csv")
        }
    }
}
