/// Reads one feed: header, records in parallel chunks, duplicate keys in file
/// order, and the accounting.
struct FeedLoader {
    let schema: FeedSchema
    let referenceDate: Int32
    let workers: Int
    /// Key indexes of the feeds loaded before this one.
    let keyIndexes: [KeySpace: KeyIndex]
    /// Target chunk size; chunks are cut at line breaks.
    let chunkBytes: Int

    /// What loading a feed produced.
    struct Outcome {
        let table: FeedTable
        let accounting: FeedAccounting
        let quarantine: [QuarantineRecord]
        /// Index of this feed's key, when other feeds refer to it.
        let keyIndex: KeyIndex?
    }

    func load(_ file: FeedFile) throws -> Outcome {
        try file.withBytes { bytes in
            var header = RecordScanner(bytes: bytes, start: file.textStart, limit: bytes.count, expectedFields: schema.fields.count)
            guard case .record = header.next() else { throw IngestError.emptyFile(file: file.name) }
            let names = (0..<header.fieldCount).map { i -> String in
                let span = header.fields[i]
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
            }
            let layout = try FeedLayout(schema: schema, header: names, file: file.name)
            let parser = ChunkParser(bytes: bytes, layout: layout,
                                     references: layout.fields.map { $0.reference.flatMap { keyIndexes[$0] } },
                                     referenceDate: referenceDate)
            let dataStart = header.position
            let firstDataLine = header.linesPassed + 1
            let chunks = parseChunks(parser, bytes: bytes, from: dataStart)
            return merge(chunks, parser: parser, firstLine: firstDataLine)
        }
    }

    /// Cuts `from..<end` at line breaks, parses the pieces in parallel, then
    /// re-parses any piece whose predecessor ran into it (a quoted line break
    /// across the cut), so the result is that of one sequential read.
    private func parseChunks(_ parser: ChunkParser, bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [ChunkParser.Result] {
        var bounds = [start]
        var cut = start
        while bytes.count - cut > chunkBytes {
            cut += chunkBytes
            while cut < bytes.count && bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            if cut < bytes.count { bounds.append(cut) }
        }
        bounds.append(bytes.count)
        var results = parallelMap(count: bounds.count - 1, workers: workers) { i in
            parser.parse(start: bounds[i], limit: bounds[i + 1])
        }
        for i in 1..<results.count where results[i - 1].stop != bounds[i] {
            let resume = results[i - 1].stop
            results[i] = parser.parse(start: min(resume, bounds[i + 1]), limit: bounds[i + 1])
            if resume > bounds[i + 1] { results[i].stop = resume }
        }
        return results
    }

    /// Joins the chunks in file order: resolves line numbers, quarantines
    /// repeated keys (the first row wins) and builds the key index.
    private func merge(_ chunks: [ChunkParser.Result], parser: ChunkParser, firstLine: Int) -> Outcome {
        let layout = parser.layout
        var accounting = FeedAccounting(feed: schema.feed)
        accounting.extraColumns = layout.extraColumns
        let candidates = chunks.reduce(0) { $0 + $1.keys.count }
        var keyIndex = KeyIndex(expected: candidates)
        var quarantine: [QuarantineRecord] = []
        let builders = layout.fields.map { ColumnBuilder(storage: $0.storage, capacity: candidates) }
        var line = firstLine
        var accepted: Int32 = 0
        for chunk in chunks {
            accounting.read += chunk.read
            var pending = chunk.quarantine.map { ($0.localLine, QuarantineRecord(
                feed: schema.feed, line: line + $0.localLine, reason: $0.reason, column: $0.column,
                value: $0.value, message: $0.message)) }
            var keep: [Bool]?
            for (row, key) in chunk.keys.enumerated() {
                if keyIndex.insert(key, accepted) == nil {
                    accepted += 1
                    keep?.append(true)
                } else {
                    if keep == nil { keep = Array(repeating: true, count: row) }
                    keep!.append(false)
                    let localLine = Int(chunk.lines[row])
                    pending.append((localLine, QuarantineRecord(
                        feed: schema.feed, line: line + localLine, reason: .duplicateKey,
                        column: schema.keyFields.joined(separator: "+"), value: parser.keyText(ofRecordAt: chunk.starts[row]),
                        message: "this key was already accepted on an earlier line; the first row wins")))
                }
            }
            for (target, source) in zip(builders, chunk.builders) { target.append(contentsOf: source, keep: keep) }
            pending.sort { $0.0 < $1.0 }
            quarantine.append(contentsOf: pending.map(\.1))
            line += chunk.linesPassed
        }
        for record in quarantine { accounting.quarantinedByReason[record.reason, default: 0] += 1 }
        accounting.accepted = Int(accepted)
        let table = FeedTable(schema: schema, columns: builders.map(\.column))
        return Outcome(table: table, accounting: accounting, quarantine: quarantine,
                       keyIndex: schema.defines == nil ? nil : keyIndex)
    }
}
