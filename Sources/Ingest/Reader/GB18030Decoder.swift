#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes GB18030 bytes to UTF-8 with the C library's iconv.
///
/// Bytes that are not valid GB18030 become a single 0xFF byte in the output,
/// which is never valid UTF-8, so the row holding them is quarantined as
/// `invalid_encoding` by the ordinary UTF-8 check. Line breaks are kept, so
/// line numbers are unchanged.
public enum GB18030Decoder {
    public enum Failure: Error {
        case converterUnavailable
    }

    /// The UTF-8 text of `input`.
    public static func decode(_ input: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { throw Failure.converterUnavailable }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: input.count * 3 / 2 + 16)
        var written = 0
        var consumed = 0
        let total = input.count
        while consumed < total {
            if output.count - written < 16 { output.append(contentsOf: repeatElement(0, count: output.count / 2 + 16)) }
            let outputCount = output.count
            let (inLeft, outLeft, failed) = output.withUnsafeMutableBufferPointer { out -> (Int, Int, Int32) in
                var inPointer = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)
                    .withMemoryRebound(to: CChar.self, capacity: total - consumed) { Optional($0) }
                var outPointer = (out.baseAddress! + written)
                    .withMemoryRebound(to: CChar.self, capacity: outputCount - written) { Optional($0) }
                var inBytesLeft = total - consumed
                var outBytesLeft = outputCount - written
                let result = iconv(converter, &inPointer, &inBytesLeft, &outPointer, &outBytesLeft)
                return (inBytesLeft, outBytesLeft, result == -1 ? errno : 0)
            }
            consumed = total - inLeft
            written = outputCount - outLeft
            switch failed {
            case 0:
                break
            case E2BIG:
                continue
            default:
                // EILSEQ or EINVAL (a truncated sequence at the end): mark and skip one byte.
                if written == output.count { output.append(0) }
                output[written] = 0xFF
                written += 1
                consumed += 1
            }
        }
        output.removeSubrange(written...)
        return output
    }
}
