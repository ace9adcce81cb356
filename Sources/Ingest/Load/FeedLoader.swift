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
    /// Told after each wave of chunks: bytes read, bytes in all, rows read.
    let progress: (@Sendable (Int, Int, Int) -> Void)?
    /// In a shard run: its counties, and the person IDs of other shards' counties (for person-keyed feeds).
    var ownership: CountyOwnership? = nil
    var foreignPersons: KeyIndex? = nil

    /// What loading a feed produced (its quarantined rows are in the log it was given).
    struct Outcome {
        let table: FeedTable
        let accounting: FeedAccounting
        /// Index of this feed's key, when other feeds refer to it.
        let keyIndex: KeyIndex?
        /// In a shard run reading `persons.csv`: the person IDs of rows of other shards' counties.
        let foreignKeys: KeyIndex?
        /// In a shard run, the rows of other shards' counties that were skipped.
        let otherShardRows: Int
    }

    /// Loads `file`, appending its quarantined rows to `quarantine` in line order.
    func load(_ file: FeedFile, quarantine: QuarantineLog) throws -> Outcome {
        try file.withBytes { bytes in
            var header = RecordScanner(bytes: bytes, start: file.textStart, limit: bytes.count, expectedFields: schema.fields.count)
            guard case .record = header.next() else { throw IngestError.emptyFile(file: file.name) }
            let names = (0..<header.fieldCount).map { i -> String in
                let span = header.fields[i]
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
            }
            let layout = try FeedLayout(schema: schema, header: names, file: file.name, keyIndexes: keyIndexes,
                                         referenceDate: referenceDate)
            var parser = ChunkParser(bytes: bytes, layout: layout, referenceDate: referenceDate)
            if let ownership {
                parser.placement = RowPlacement(schema: schema, positions: layout.positions, ownership: ownership,
                                                keyIndexes: keyIndexes, foreignPersons: foreignPersons)
            }
            var merger = ChunkMerger(layout: layout, parser: parser, firstLine: header.linesPassed + 1,
                                     expectedRows: Self.estimatedRows(bytes, from: header.position), quarantine: quarantine)
            var rows = 0
            forEachChunk(parser, bytes: bytes, from: header.position) { chunk in
                merger.merge(chunk)
                rows += chunk.read
                file.release(before: chunk.stop)
                progress?(min(chunk.stop, bytes.count), bytes.count, rows)
            }
            return merger.finish()
        }
    }

    /// About how many rows follow `start`: the line breaks of the first
    /// 256 KB scaled to the whole file, with a margin (sizes the key index).
    static func estimatedRows(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let sample = min(bytes.count - start, 1 << 18)
        guard sample > 0 else { return 16 }
        var lines = 0
        for p in start..<(start + sample) where bytes[p] == UInt8(ascii: "\n") { lines += 1 }
        let perByte = Double(max(lines, 1)) / Double(sample)
        return max(16, Int(perByte * Double(bytes.count - start) * 1.05))
    }

    /// Cuts `from..<end` at line breaks and parses the pieces in parallel,
    /// a few ahead of the one handed on (so memory stays bounded), handing
    /// them to `body` in file order while the next ones are parsed. A piece
    /// whose predecessor ran into it (a quoted line break across the cut) is
    /// parsed again from where the predecessor stopped, so the result is
    /// always that of one sequential read.
    private func forEachChunk(_ parser: ChunkParser, bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                              _ body: (ChunkParser.Result) -> Void) {
        var bounds = [start]
        var cut = start
        while bytes.count - cut > chunkBytes {
            cut += chunkBytes
            while cut < bytes.count && bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            if cut < bytes.count { bounds.append(cut) }
        }
        bounds.append(bytes.count)
        var stop = start
        ChunkPipeline(window: workers + 1, workers: workers).run(count: bounds.count - 1) { i in
            parser.parse(start: bounds[i], limit: bounds[i + 1])
        } consume: { i, candidate in
            var chunk = candidate
            if stop != bounds[i] {
                chunk = parser.parse(start: min(stop, bounds[i + 1]), limit: bounds[i + 1])
                chunk.stop = max(chunk.stop, stop)
            }
            stop = chunk.stop
            body(chunk)
        }
    }
}

/// Joins parsed chunks in file order: resolves line numbers, quarantines
/// repeated keys (the first row wins), builds the key index and the typed
/// columns. Quarantined rows go straight to the log on disk, so memory does
/// not grow with them.
struct ChunkMerger {
    let layout: FeedLayout
    let parser: ChunkParser
    private var line: Int
    private var accounting: FeedAccounting
    private let quarantine: QuarantineLog
    /// The index of the keys, for a feed others refer to; otherwise `seenKeys` tells repeats.
    private let keyIndex: KeyIndex?
    private var seenKeys: SeenKeys
    private var foreignKeys: KeyIndex?
    private var otherShardRows = 0
    private let builders: [ColumnBuilder]
    private var accepted: Int32 = 0

    init(layout: FeedLayout, parser: ChunkParser, firstLine: Int, expectedRows: Int, quarantine: QuarantineLog) {
        self.layout = layout
        self.parser = parser
        self.quarantine = quarantine
        line = firstLine
        accounting = FeedAccounting(feed: layout.schema.feed)
        accounting.extraColumns = layout.extraColumns
        keyIndex = layout.schema.defines == nil ? nil : KeyIndex(expected: expectedRows)
        seenKeys = SeenKeys(expected: keyIndex == nil ? expectedRows : 0)
        builders = layout.schema.fields.map { ColumnBuilder(storage: $0.storage, capacity: expectedRows) }
    }

    mutating func merge(_ chunk: ChunkParser.Result) {
        accounting.read += chunk.read
        otherShardRows += chunk.otherShardRows
        if !chunk.foreignKeys.isEmpty {
            let foreign = foreignKeys ?? KeyIndex(expected: chunk.foreignKeys.count * 4)
            for key in chunk.foreignKeys { _ = foreign.insert(key) }
            foreignKeys = foreign
        }
        var pending = chunk.quarantine
        var keep: [Bool]?
        let keys = chunk.keys
        for (row, key) in keys.enumerated() {
            if row + 8 < keys.count {
                if let keyIndex { keyIndex.prefetch(keys[row + 8]) } else { seenKeys.prefetch(keys[row + 8]) }
            }
            let isNew: Bool
            if let keyIndex { isNew = keyIndex.insert(key) == nil } else { isNew = seenKeys.insert(key) }
            if isNew {
                accepted += 1
                keep?.append(true)
            } else {
                if keep == nil { keep = Array(repeating: true, count: row) }
                keep!.append(false)
                let start = chunk.starts[row]
                pending.append(ChunkParser.PendingQuarantine(
                    localLine: Int(chunk.lines[row]), rowStart: start, reason: .duplicateKey,
                    column: layout.schema.keyFields.joined(separator: "+"),
                    value: parser.fieldText(ofRecordAt: start, fields: layout.keyFields),
                    message: "this key was already accepted on an earlier line; the first row wins"))
            }
        }
        for (builder, column) in zip(builders, chunk.columns) { builder.append(column, keep: keep) }
        pending.sort { $0.localLine < $1.localLine }
        for problem in pending {
            accounting.quarantinedByReason[problem.reason, default: 0] += 1
            quarantine.append(QuarantineRecord(
                feed: layout.schema.feed, line: line + problem.localLine, reason: problem.reason, column: problem.column,
                value: EchoedInput.cut(IDMask.maskingIDs(in: parser.valueText(of: problem))), message: problem.message,
                row: parser.rowText(at: problem.rowStart)))
        }
        line += chunk.linesPassed
    }

    func finish() -> FeedLoader.Outcome {
        var accounting = self.accounting
        accounting.accepted = Int(accepted)
        let table = FeedTable(schema: layout.schema, columns: builders.map(\.column))
        return FeedLoader.Outcome(table: table, accounting: accounting,
                                  keyIndex: keyIndex,
                                  foreignKeys: layout.schema.defines == .person ? (foreignKeys ?? KeyIndex(expected: 16)) : nil,
                                  otherShardRows: otherShardRows)
    }
}
