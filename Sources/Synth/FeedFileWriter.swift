#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif
import Ingest

/// Writes one feed file, converting UTF-8 rows to GB18030 on the way when asked.
final class FeedFileWriter {
    let path: String
    let encoding: FeedEncoding
    private let descriptor: Int32
    private var converter: iconv_t?
    /// Bytes written so far.
    private(set) var size = 0

    init(path: String, encoding: FeedEncoding) throws {
        self.path = path
        self.encoding = encoding
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SynthError.cannotWrite(path: path, reason: SystemErrorText.describe(errno: errno)) }
        if encoding == .gb18030 {
            let handle = iconv_open("GB18030", "UTF-8")
            guard handle != iconv_t(bitPattern: -1) else {
                close(descriptor)
                throw SynthError.noGB18030
            }
            converter = handle
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
        close(descriptor)
    }

    /// Writes UTF-8 text in the file's encoding.
    func write(_ utf8: [UInt8]) throws {
        guard let converter else { return try writeBytes(utf8) }
        try writeBytes(try Self.convert(utf8, with: converter, path: path))
    }

    /// Writes one deliberately bad row and its line end.
    func write(_ row: DirtyRow) throws {
        for piece in row.pieces {
            switch piece {
            case .text(let text): try write(Array(text.utf8))
            case .foreign(let text):
                try writeBytes(encoding == .gb18030 ? [0xFF] : DirtyRow.gbkBytes[text] ?? [0xFF])
            }
        }
        try write([UInt8(ascii: "\n")])
    }

    /// Writes bytes as they are.
    private func writeBytes(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SynthError.cannotWrite(path: path, reason: SystemErrorText.describe(errno: errno))
                }
                offset += written
            }
        }
        size += bytes.count
    }

    /// UTF-8 → GB18030 with iconv. Every Unicode character has a GB18030 form,
    /// so a failure here means the generator wrote bad UTF-8.
    private static func convert(_ input: [UInt8], with converter: iconv_t, path: String) throws -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var output = [UInt8](repeating: 0, count: input.count + input.count / 3 + 16)
        var inLeft = input.count
        var outLeft = output.count
        var failed = false
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = UnsafeMutableRawPointer(mutating: source.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var outPointer = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                failed = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1
            }
        }
        guard !failed, inLeft == 0 else { throw SynthError.cannotEncode(path: path) }
        output.removeLast(outLeft)
        return output
    }
}
