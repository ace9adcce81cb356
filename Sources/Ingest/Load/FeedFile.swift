import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A feed file's bytes in memory: read (not mapped: a file truncated while
/// mapped would crash the run) into private memory, so the fingerprint is
/// that of exactly the bytes parsed; decoded to UTF-8 for GB18030. A leading
/// UTF-8 byte-order mark is skipped.
///
/// A UTF-8 file is hashed as the parser leaves its bytes behind
/// (`release(before:)`), while they are still in the cache and on the
/// worker that merges, not in a pass of its own; a GB18030 file is hashed as
/// it is read (the parser sees the decoded bytes).
final class FeedFile {
    let name: String
    let size: Int
    /// The file's identity when it was read.
    let identity: FileIdentity
    private var mapped: UnsafeMutableRawPointer?
    /// The SHA-256 of the bytes hashed so far, up to `hashed`.
    private var hasher = SHA256()
    private var hashed = 0
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
        try FeedFileReader.read(descriptor, into: pointer, size: size, name: name)
        identity = try FeedFileReader.unchanged(descriptor, since: FileIdentity(status), name: name)
        if encoding == .gb18030 {
            hash(through: size)
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

    /// Size, SHA-256 and identity of what was read (hashes what is left).
    var read: FeedFileRead {
        hash(through: size)
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return FeedFileRead(bytes: size, sha256: digest, identity: identity)
    }

    /// Adds the read bytes up to `offset` not hashed yet to the fingerprint.
    private func hash(through offset: Int) {
        let end = min(offset, size)
        guard let mapped, end > hashed else { return }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: mapped + hashed, count: end - hashed))
        hashed = end
    }

    /// Hashes the bytes before `offset` and gives their pages back to the
    /// system (the parser never returns to them): a large feed then does not
    /// stay in memory whole.
    func release(before offset: Int) {
        hash(through: offset)
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
