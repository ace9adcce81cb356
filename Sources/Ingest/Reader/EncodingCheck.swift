/// Whether the start of a feed file is in the encoding the pipeline declares,
/// judged on the bytes read for the header (up to 64 KB): a UTF-16 file, a
/// doubled byte-order mark, NUL bytes, a UTF-8 file declared `gb18030` and a
/// GB18030 file declared `utf8` are refused before any row is read, naming
/// what the file looks like.
enum EncodingCheck {
    /// - Throws: `IngestError.utf16`, `.doubleByteOrderMark`, `.nulBytes` or `.wrongEncoding`.
    static func check(_ bytes: [UInt8], declared: FeedEncoding, file: String) throws {
        if bytes.starts(with: [0xFF, 0xFE]) { throw IngestError.utf16(file: file, byteOrder: "little-endian") }
        if bytes.starts(with: [0xFE, 0xFF]) { throw IngestError.utf16(file: file, byteOrder: "big-endian") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) { throw IngestError.doubleByteOrderMark(file: file) }
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let nulPositions = firstLine.indices.filter { firstLine[$0] == 0 }
        if !nulPositions.isEmpty {
            // UTF-16 without a byte-order mark: ASCII header names with a NUL every other byte.
            let even = nulPositions.filter { $0 % 2 == 0 }.count, odd = nulPositions.count - even
            if nulPositions.count * 3 >= firstLine.count, even == 0 || odd == 0 {
                throw IngestError.utf16(file: file, byteOrder: even == 0 ? "little-endian" : "big-endian")
            }
            throw IngestError.nulBytes(file: file)
        }
        // Whole lines only: the window may end inside a character.
        guard let lastBreak = bytes.lastIndex(of: UInt8(ascii: "\n")) ?? (bytes.count < FeedHeader.window ? bytes.count : nil)
        else { return }
        let text = Array(bytes[..<lastBreak])
        let nonASCII = text.filter { $0 >= 0x80 }.count
        guard nonASCII > 0 else { return }
        let invalidUTF8 = text.withUnsafeBufferPointer { UTF8Validation.invalidOffsets(in: $0, range: 0..<$0.count) }
        switch declared {
        case .gb18030:
            if invalidUTF8.isEmpty { throw IngestError.wrongEncoding(file: file, declared: declared, likely: "UTF-8") }
        case .utf8:
            // Mostly invalid as UTF-8 yet wholly valid GB18030. A UTF-8 file with a few bad
            // bytes is not refused here: its bad rows are quarantined as invalid_encoding.
            guard invalidUTF8.count >= 2, invalidUTF8.count * 8 >= nonASCII else { return }
            let decoded = try? text.withUnsafeBufferPointer { try GB18030Decoder.decode($0) }
            if let decoded, !decoded.contains(0xFF) {
                throw IngestError.wrongEncoding(file: file, declared: declared, likely: "GB18030")
            }
        }
    }
}
