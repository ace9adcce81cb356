#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Ingest

/// A CSV file written line by line through a one-megabyte buffer, so a file of
/// millions of lines never sits whole in memory. Created with `mode` (0600 for
/// restricted files, whatever the umask).
final class CSVFileStream {
    private let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(url: URL, mode: mode_t) throws {
        path = url.path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
        guard fchmod(descriptor, mode) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw Self.failure(path, code)
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { Glibc.close(descriptor) }

    /// Adds one line (with its line end).
    func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is left in the buffer.
    func finish() throws { try flush() }

    /// A new file at `url` (mode `mode`) of `header`, then `line(record)` for each record, streaming.
    static func write<Records: Sequence>(
        _ records: Records, header: String, to url: URL, mode: mode_t, line: (Records.Element) -> String
    ) throws {
        let file = try CSVFileStream(url: url, mode: mode)
        try file.write(header + "\n")
        for record in records { try file.write(line(record)) }
        try file.finish()
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw Self.failure(path, n < 0 ? errno : ENOSPC) }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ path: String, _ code: Int32) -> ReportError {
        .cannotWrite(path: path, reason: SystemErrorText.describe(errno: code))
    }
}
