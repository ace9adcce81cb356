import Foundation
import Ingest
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Only regular files are read: a named pipe, a folder or a link leaving the
/// data folder is refused by name, without blocking and without quoting it.
@Suite struct FeedFileKindTests {
    /// Loads `folder`; the error, if any.
    static func loadError(_ folder: TemporaryFolder, options: IngestOptions = testOptions()) -> IngestError? {
        do {
            _ = try Ingestor.load(folder: folder.path, options: options)
            return nil
        } catch {
            return error as? IngestError
        }
    }

    @Test func namedPipeIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder("feed-fifo")
        var writer = FeedFolderWriter()
        writer.omitted = [.persons]
        try writer.write(to: folder)
        #expect(mkfifo(folder.file("persons.csv"), 0o600) == 0)
        let error = Self.loadError(folder)
        #expect(error == .notARegularFile(file: "persons.csv", kind: "a named pipe (FIFO)"))
        #expect(error?.description.hasPrefix("persons.csv: this is a named pipe (FIFO), not a file") == true)
    }

    @Test func folderIsNamedAsAFolder() throws {
        let folder = try TemporaryFolder("feed-folder")
        var writer = FeedFolderWriter()
        writer.omitted = [.water]
        try writer.write(to: folder)
        try FileManager.default.createDirectory(atPath: folder.file("water.csv"), withIntermediateDirectories: false)
        let error = Self.loadError(folder)
        #expect(error == .notARegularFile(file: "water.csv", kind: "a folder"))
        #expect(error?.description.contains("No such device") == false)
    }

    @Test func linkLeavingTheDataFolderIsRefusedWithoutQuotingItsTarget() throws {
        let outside = try TemporaryFolder("feed-outside")
        let writer = FeedFolderWriter()
        // The target's first line is what a careless message would quote.
        try outside.write("secret.csv", "TOP-SECRET-FIRST-LINE,not,a,feed\n")
        try outside.write("regions.csv", bytes: writer.bytes(of: .regions))
        let folder = try TemporaryFolder("feed-links")
        var linked = writer
        linked.omitted = [.regions]
        try linked.write(to: folder)
        #expect(symlink(outside.file("secret.csv"), folder.file("regions.csv")) == 0)
        let error = Self.loadError(folder)
        #expect(error == .linkLeavesFolder(file: "regions.csv"))
        #expect(error?.description.contains("TOP-SECRET") == false)
        #expect(error?.description.contains("--allow-outside-links") == true)
        // Allowed by the flag, the link is followed (to a real regions feed).
        #expect(unlink(folder.file("regions.csv")) == 0)
        #expect(symlink(outside.file("regions.csv"), folder.file("regions.csv")) == 0)
        var options = testOptions()
        options.allowOutsideLinks = true
        let result = try Ingestor.load(folder: folder.path, options: options)
        #expect(result.accounting(.regions).accepted == 1)
        #expect(Self.loadError(folder) == .linkLeavesFolder(file: "regions.csv"))
    }

    @Test func linkInsideTheDataFolderIsRead() throws {
        let folder = try TemporaryFolder("feed-inner-link")
        var writer = FeedFolderWriter()
        writer.omitted = [.water]
        try writer.write(to: folder)
        try FileManager.default.createDirectory(atPath: folder.file("sent"), withIntermediateDirectories: false)
        try folder.write("sent/water-2026-11-28.csv", bytes: writer.bytes(of: .water))
        #expect(symlink("sent/water-2026-11-28.csv", folder.file("water.csv")) == 0)
        let result = try Ingestor.load(folder: folder.path, options: testOptions())
        #expect(result.accounting(.water).accepted == 1)
    }
}
