#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The bytes of a CSV meant for Excel or WPS, in the chosen encoding.
enum SpreadsheetBytes {
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `text` as UTF-8 with a byte-order mark, or as GB18030.
    static func encode(_ text: String, _ encoding: SpreadsheetEncoding) throws -> Data {
        try encode(Array(text.utf8), encoding)
    }

    /// The UTF-8 bytes `utf8` with a byte-order mark before them, or re-encoded as GB18030.
    static func encode(_ utf8: [UInt8], _ encoding: SpreadsheetEncoding) throws -> Data {
        switch encoding {
        case .utf8BOM:
            var data = Data(capacity: utf8BOM.count + utf8.count)
            data.append(contentsOf: utf8BOM)
            data.append(contentsOf: utf8)
            return data
        case .gb18030: return Data(try gb18030(utf8))
        }
    }

    /// UTF-8 bytes re-encoded as GB18030 with the C library's iconv. GB18030
    /// covers all of Unicode, so valid UTF-8 always converts.
    static func gb18030(_ utf8: [UInt8]) throws -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { throw ReportError.encoderUnavailable(encoding: "GB18030") }
        defer { iconv_close(converter) }
        var input = utf8
        var output = [UInt8](repeating: 0, count: utf8.count * 2 + 16)
        let (inputLeft, outputLeft) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> (Int, Int) in
                var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPointer = outBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (inLeft, outLeft)
            }
        }
        guard inputLeft == 0 else { throw ReportError.encoderUnavailable(encoding: "GB18030") }
        output.removeLast(outputLeft)
        return output
    }
}
