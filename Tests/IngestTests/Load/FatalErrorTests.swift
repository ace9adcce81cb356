import Ingest
import Testing
import TestSupport

/// Problems that stop the load: they name the file (and column) and say what to do.
@Suite struct FatalErrorTests {
    static func loadError(_ writer: FeedFolderWriter, options: IngestOptions = testOptions()) throws -> IngestError? {
        let folder = try TemporaryFolder("ingest-fatal")
        try writer.write(to: folder)
        do {
            _ = try Ingestor.load(folder: folder.path, options: options)
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
        writer.headers[.households] = writer.headers[.households]?.replacingOccurrences(of: ",income_per_capita", with: "")
        writer[.households] = []
        let error = try Self.loadError(writer)
        #expect(error == .missingColumns([MissingColumns(file: "households.csv", columns: ["income_per_capita"])]))
        let text = error?.description ?? ""
        #expect(text.contains("households.csv:1: missing income_per_capita"))
        #expect(text.contains("1 required column is missing"))
        #expect(text.contains("add the columns"))
    }

    @Test func columnNamesAreCaseSensitive() throws {
        var writer = FeedFolderWriter()
        writer.headers[.water] = "household_id,Tap_Water,safe"
        #expect(try Self.loadError(writer) == .missingColumns([MissingColumns(file: "water.csv", columns: ["tap_water"])]))
    }

    /// A folder of contract version 1 is refused whole, before any row is
    /// read, with one message naming every missing column of every feed.
    @Test func versionOneFolderIsRefusedBeforeAnyRowIsRead() throws {
        var writer = FeedFolderWriter()
        writer.headers = FeedFolderWriter.version1Headers
        writer.omitted = [.socialAssistance]
        // Rows that would be quarantined if they were read.
        writer[.households] = ["not a household row"]
        let folder = try TemporaryFolder("ingest-version-1")
        try writer.write(to: folder)
        let feedsRead = ProgressLog()
        var options = testOptions()
        options.progress = { feedsRead.append($0) }
        var caught: IngestError?
        do {
            _ = try Ingestor.load(folder: folder.path, options: options)
        } catch let error as IngestError {
            caught = error
        }
        #expect(caught == .missingColumns([
            MissingColumns(file: "households.csv", columns: ["risk_types", "clue_outcome", "site_code", "income_prev_year"]),
            MissingColumns(file: "persons.csv", columns: ["status"]),
            MissingColumns(file: "social_assistance.csv", columns: ["person_id", "kind", "start_date", "end_date"],
                           fileMissing: true),
        ]))
        #expect(feedsRead.lines.isEmpty)
        let text = caught?.description ?? ""
        #expect(text.hasPrefix("the data folder does not follow feed contract version 2: 9 required columns are missing"))
        for column in ["risk_types", "clue_outcome", "site_code", "income_prev_year", "persons.csv:1: missing status",
                       "social_assistance.csv: the file is missing"] {
            #expect(text.contains(column))
        }
        #expect(text.contains("Nothing was read"))
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

    @Test func headerOnlyFeedIsRefusedUnlessThePipelineAllowsIt() throws {
        var writer = FeedFolderWriter()
        writer[.employment] = []
        writer.endsWithLineEnd = false
        let error = try Self.loadError(writer)
        #expect(error == .noDataRows(file: "employment.csv"))
        #expect(error?.description.contains("may_be_empty: true") == true)
        var options = testOptions()
        options.feedsThatMayBeEmpty = [.employment]
        let result = try ingest(writer, options: options)
        #expect(result.accounting(.employment).read == 0)
        #expect(result.passes)
    }

    @Test func theFirstMissingFeedInContractOrderIsReported() throws {
        var writer = FeedFolderWriter()
        writer.omitted = [.water, .persons]
        #expect(try Self.loadError(writer) == .missingFile(file: "persons.csv"))
    }
}
