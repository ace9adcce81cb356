#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Ingest

/// Writing output files with the permissions they need.
public enum OutputFile {
    /// Writes `data` to `url` atomically (a temporary file renamed over it), readable by everyone.
    static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ReportError.cannotWrite(path: url.path, reason: SystemErrorText.describe(error))
        }
    }

    /// Writes `data` to `url` readable by its owner only (mode 0600, whatever
    /// the umask): the file is created with that mode before any byte is written.
    static func writePrivate(_ data: Data, to url: URL) throws {
        let path = url.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw failure(path) }
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
        } catch {
            throw ReportError.cannotWrite(path: path, reason: SystemErrorText.describe(error))
        }
    }

    /// Creates the folder `url` (or keeps it) with mode 0700, whatever the umask.
    public static func makePrivateFolder(_ url: URL) throws {
        let path = url.path
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw failure(path) }
        guard chmod(path, 0o700) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> ReportError {
        .cannotWrite(path: path, reason: SystemErrorText.describe(errno: errno))
    }
}
