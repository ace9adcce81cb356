/// Resident and household IDs as public files show them: the first 6 and the
/// last 4 characters kept, the rest as `*` (`520102********001X`), the way
/// the clue lists show a household head. Full IDs stay in restricted files.
public enum IDMask {
    /// `id` with only its first 6 and last 4 characters shown; shorter text is masked whole.
    public static func masked(_ id: String) -> String {
        // IDs are ASCII: characters are bytes, so mask the bytes (no walk over grapheme clusters).
        var bytes = Array(id.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let hidden = bytes.count >= 10 ? 6..<(bytes.count - 4) : 0..<bytes.count
            for position in hidden { bytes[position] = UInt8(ascii: "*") }
            return String(decoding: bytes, as: UTF8.self)
        }
        let count = id.count
        guard count >= 10 else { return String(repeating: "*", count: count) }
        return String(id.prefix(6)) + String(repeating: "*", count: count - 10) + String(id.suffix(4))
    }

    /// `text` with every ID in it masked: a run of 15 or more digits (a resident ID,
    /// possibly ending in `X`, or a 16-digit household ID) keeps its first 6 and last 4.
    /// Shorter codes (villages, townships, sites) are left as they are.
    public static func maskingIDs(in text: String) -> String {
        var bytes = Array(text.utf8)
        var changed = false
        var start = 0
        while start < bytes.count {
            guard isDigit(bytes[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count && isDigit(bytes[end]) { end += 1 }
            if end < bytes.count && (bytes[end] == UInt8(ascii: "X") || bytes[end] == UInt8(ascii: "x")) { end += 1 }
            if end - start >= 15 {
                for position in (start + 6)..<(end - 4) { bytes[position] = UInt8(ascii: "*") }
                changed = true
            }
            start = end
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
