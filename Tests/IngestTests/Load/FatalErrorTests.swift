import Ingest
import Testing
import TestSupport

/// Problems that stop the load: they name the file (and column) and say what to do.
@Suite struct FatalErrorTests {
    static func loadError(_ writer: FeedFolderWriter) throws -> IngestError? {
        let folder = try TemporaryFolder("ingest-fatal")
        try writer.write(to: folder)
        do {
            _ = try Ingestor.load(folder: folder.path, options: testOptions())
            return nil
        } catch let error as IngestError {
            return error
        }
    }

    @Test(arguments: Feed.allCases)
    func missingFeedFile(feed: Feed) throws {
        var writer = FeedFolderWriter()
        writer.omitted = [feed]
        let error = try Self.loadError(writer)
        #expect(error == .missingFile(file: feed.fileName))
        let text = error?.description ?? ""
        #expect(text.hasPrefix(feed.fileName + ": the file is missing"))
        #expect(text.contains("ask the sending department"))
    }

    @Test func missingRequiredColumn() throws {
        var writer = FeedFolderWriter()
        writer.headers[.households] = "household_id,village_code,category,monitoring_type,risk_status,clue_date,"
            + "inclusion_date,elimination_date,relocated,assistance"
        writer[.households] = []
        let error = try Self.loadError(writer)
        let found = ["household_id", "village_code", "category", "monitoring_type", "risk_status", "clue_date",
                     "inclusion_date", "elimination_date", "relocated", "assistance"]
        #expect(error == .missingColumn(file: "households.csv", column: "income_per_capita", found: found))
        let text = error?.description ?? ""
        #expect(text.hasPrefix("households.csv:1: required column 'income_per_capita' is missing"))
        #expect(text.contains("Add the column"))
    }

    @Test func columnNamesAreCaseSensitive() throws {
        var writer = FeedFolderWriter()
        writer.headers[.water] = "household_id,Tap_Water,safe"
        #expect(try Self.loadError(writer) == .missingColumn(file: "water.csv", column: "tap_water",
                                                             found: ["household_id", "Tap_Water", "safe"]))
    }

    @Test(arguments: [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n\n".utf8)] as [[UInt8]])
    func emptyFile(bytes: [UInt8]) throws {
        var writer = FeedFolderWriter()
        writer.files[.employment] = bytes
        let error = try Self.loadError(writer)
        #expect(error == .emptyFile(file: "employment.csv"))
        #expect(error?.description.contains("expected a header line") == true)
        #expect(error?.description.contains("export it again") == true)
    }

    @Test func headerOnlyIsAnEmptyFeedNotAnError() throws {
        var writer = FeedFolderWriter()
        writer[.employment] = []
        writer.endsWithLineEnd = false
        let result = try ingest(writer)
        #expect(result.accounting(.employment).read == 0)
        #expect(result.passes)
    }

    @Test func theFirstMissingFeedInContractOrderIsReported() throws {
        var writer = FeedFolderWriter()
        writer.omitted = [.water, .persons]
        #expect(try Self.loadError(writer) == .missingFile(file: "persons.csv"))
    }
}
