import Foundation
import Ingest
import Testing
import TestSupport

/// The SHA-256 of each input, taken as the parser leaves the bytes behind,
/// is that of the whole file as stored: byte-order mark, header and every
/// row, whatever the chunks and threads; for GB18030, of the bytes before decoding.
@Suite struct FingerprintTests {
    /// The fingerprint `sha256sum` gives for `path`.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test(arguments: [(1, 4 << 20), (3, 97), (2, 4096)])
    func fingerprintIsThatOfTheWholeFile(threads: Int, chunkBytes: Int) throws {
        var writer = ChunkParityTests.messyFolder(seed: 11)
        writer.files[.persons] = [0xEF, 0xBB, 0xBF] + writer.bytes(of: .persons)
        writer.files[.villages] = GB18030Encoding.encode(String(decoding: writer.bytes(of: .villages), as: UTF8.self))
        let folder = try TemporaryFolder("fingerprint-tests")
        try writer.write(to: folder)
        var options = testOptions(threads: threads, chunkBytes: chunkBytes, encodings: [.villages: .gb18030],
                                  maxQuarantineShare: 1)
        options.feedsThatMayBeEmpty = Set(Feed.allCases)
        let result = try Ingestor.load(folder: folder.path, options: options)
        for feed in Feed.allCases {
            let read = try #require(result.files[feed])
            #expect(read.sha256 == (try Self.sha256sum(folder.path + "/" + feed.fileName)), "\(feed.fileName)")
            #expect(read.bytes == result.fileSizes[feed])
        }
    }
}
