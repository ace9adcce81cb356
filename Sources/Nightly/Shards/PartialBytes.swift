import Foundation

/// Writes the binary files of a partial: unsigned LEB128 varints, signed
/// values zigzag-encoded first, text as a varint length and UTF-8 bytes
/// (docs/partials.md). Flushed to the file every megabyte.
struct PartialByteWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw NightFailure(.outputFailed, "error: cannot create \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 20)
    }

    mutating func magic(_ text: String) { buffer.append(contentsOf: text.utf8) }

    @inline(__always)
    mutating func unsigned(_ value: UInt64) throws {
        var v = value
        while v >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        buffer.append(UInt8(v))
        if buffer.count >= 1 << 20 { try flush() }
    }

    @inline(__always)
    mutating func signed(_ value: Int64) throws {
        try unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func text(_ value: String) throws {
        try unsigned(UInt64(value.utf8.count))
        buffer.append(contentsOf: value.utf8)
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, syncs and closes.
    mutating func close() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
    }
}

/// Reads a partial's binary file front to back through a one-megabyte window,
/// so merging never holds a whole partial in memory.
struct PartialByteReader {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw NightFailure(.feedUnreadable, "error: cannot open \(path); the partial is incomplete: run its shard again")
        }
        self.handle = handle
    }

    private var truncated: NightFailure {
        NightFailure(.feedUnreadable, "error: \(path) ends early or is damaged; run its shard again")
    }

    @inline(__always)
    private mutating func byte() throws -> UInt8 {
        if position == buffer.count { try refill() }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func refill() throws {
        guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { throw truncated }
        buffer = [UInt8](data)
        position = 0
    }

    /// Checks the file's 4-byte magic and returns its version.
    mutating func expect(magic: String, newest: Int) throws -> Int {
        for expected in magic.utf8 where try byte() != expected {
            throw NightFailure(.feedUnreadable, "error: \(path) is not a partial's \(magic) file")
        }
        let version = Int(try unsigned())
        guard version <= newest else {
            throw NightFailure(.feedUnreadable, "error: \(path) is in version \(version); this bottomline reads up to \(newest)")
        }
        return version
    }

    @inline(__always)
    mutating func unsigned() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw truncated }
        }
    }

    @inline(__always)
    mutating func signed() throws -> Int64 {
        let u = try unsigned()
        return Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1)
    }

    mutating func count(limit: Int = Int(Int32.max)) throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(limit) else { throw truncated }
        return Int(value)
    }

    mutating func text() throws -> String {
        let length = try count(limit: 1 << 20)
        var bytes = [UInt8]()
        bytes.reserveCapacity(length)
        for _ in 0..<length { bytes.append(try byte()) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether every byte was read.
    mutating func atEnd() throws -> Bool {
        if position < buffer.count { return false }
        guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { return true }
        buffer = [UInt8](data)
        position = 0
        return false
    }

    func close() { try? handle.close() }
}
