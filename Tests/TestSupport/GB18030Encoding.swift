#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encodes text as GB18030 with the C library's iconv, the way Excel and many
/// department systems in China export CSV files.
public enum GB18030Encoding {
    /// The GB18030 bytes of `text`.
    public static func encode(_ text: String) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "this machine's iconv cannot encode GB18030")
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let inputCount = input.count
        let outputCount = output.count
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPointer = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inputCount
                var outLeft = outputCount
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(result != -1 && inLeft == 0, "iconv could not encode \(text) as GB18030")
                return outputCount - outLeft
            }
        }
        return Array(output[0..<written])
    }
}
