#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A feed file's bytes in memory: read (not mapped: a file truncated while
/// mapped would crash the run) into private memory and hashed as they are
/// read, so the fingerprint is that of exactly the bytes parsed; decoded to
/// UTF-8 for GB18030. A leading UTF-8 byte-order mark is skipped.
final class FeedFile {
    let name: String
    let size: Int
    /// Size, SHA-256 and identity of what was read.
    let read: FeedFileRead
    private var mapped: UnsafeMutableRawPointer?
    private var decoded: [UInt8]?
    /// Where the text starts (after a byte-order mark).
    private(set) var textStart = 0

    /// Reads the feed file `name` of `folder` (see `FeedPath` for what is refused).
    init(folder: String, name: String, encoding: FeedEncoding, allowOutsideLinks: Bool = false) throws {
        self.name = name
        let descriptor = try FeedPath.open(folder: folder, name: name, allowOutsideLinks: allowOutsideLinks)
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IngestError.unreadableFile(file: name, reason: String(cString: strerror(errno)))
        }
        size = Int(status.st_size)
        guard size > 0 else { throw IngestError.emptyFile(file: name) }
        guard let pointer = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              pointer != MAP_FAILED else {
            throw IngestError.unreadableFile(file: name, reason: String(cString: strerror(errno)))
        }
        mapped = pointer
        let sha256 = try FeedFileReader.read(descriptor, into: pointer, size: size, name: name)
        read = FeedFileRead(bytes: size, sha256: sha256, identity: try FeedFileReader.unchanged(
            descriptor, since: FileIdentity(status), name: name))
        if encoding == .gb18030 {
            do {
                decoded = try GB18030Decoder.decode(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: size))
            } catch {
                throw IngestError.undecodable(file: name, encoding: encoding.rawValue)
            }
            munmap(pointer, size)
            mapped = nil
        }
        withBytes { bytes in
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { textStart = 3 }
        }
    }

    /// Calls `body` with the UTF-8 bytes of the file.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let decoded {
            return try decoded.withUnsafeBufferPointer(body)
        }
        return try body(UnsafeBufferPointer(start: mapped!.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Gives the pages before `offset` back to the system (the parser never
    /// returns to them): a large feed then does not stay in memory whole.
    func release(before offset: Int) {
        guard let mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (offset / page) * page
        if end > 0 { madvise(mapped, end, MADV_DONTNEED) }
    }

    deinit {
        if let mapped { munmap(mapped, size) }
    }
}

/// The text encoding a feed is sent in.
public enum FeedEncoding: String, Sendable, CaseIterable {
    case utf8
    case gb18030
}
