@testable import Ingest
import TestSupport
import Testing

/// The UTF-8 check against the standard library's decoder.
@Suite struct UTF8ValidationTests {
    static func offsets(_ bytes: [UInt8], range: Range<Int>? = nil) -> [Int] {
        bytes.withUnsafeBufferPointer { UTF8Validation.invalidOffsets(in: $0, range: range ?? 0..<$0.count) }
    }

    /// Offset of the first ill-formed sequence by the standard library's decoder, or nil.
    static func firstInvalidByStandardLibrary(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    @Test func knownSequences() {
        #expect(Self.offsets(Array("ascii only, longer than eight bytes".utf8)).isEmpty)
        #expect(Self.offsets(Array("贵州 𠀀 é".utf8)).isEmpty)
        #expect(Self.offsets([0x41, 0xC0, 0xAF, 0x42]) == [1, 2]) // overlong '/'
        #expect(Self.offsets([0xED, 0xA0, 0x80]) == [0, 1, 2]) // surrogate
        #expect(Self.offsets([0xF4, 0x90, 0x80, 0x80]) == [0, 1, 2, 3]) // above U+10FFFF
        #expect(Self.offsets([0x61, 0x62, 0xE4, 0xB8]) == [2, 3]) // cut short at the end
        #expect(Self.offsets([0xFF, 0x41, 0xFE]) == [0, 2])
    }

    @Test func onlyTheGivenRangeIsChecked() {
        let bytes: [UInt8] = [0xFF] + Array("0123456789abcdef".utf8) + [0xFF, 0x41, 0xFF]
        #expect(Self.offsets(bytes, range: 1..<19) == [17])
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var random = SeededGenerator(seed: 7)
        let pieces: [[UInt8]] = [Array("plain ascii text".utf8), Array("村".utf8), Array("𠀀".utf8), Array("é".utf8),
                                 [0x80], [0xBF], [0xC2], [0xE0, 0xA0], [0xED, 0x9F], [0xF0, 0x90], [0xF4, 0x8F], [0xFF]]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                if Bool.random(using: &random) {
                    bytes += pieces.randomElement(using: &random)!
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &random))
                }
            }
            let found = Self.offsets(bytes)
            #expect(found.first == Self.firstInvalidByStandardLibrary(bytes), "\(bytes)")
            #expect(found == found.sorted() && Set(found).count == found.count)
        }
    }
}
