/// The second pass over a chunk's candidate rows: references, row rules and keys.
///
/// A row usually refers to the row its predecessor referred to or the next
/// one (feeds are sent in roster order), which is tried first and costs one
/// sequential read. Other look-ups hash into another feed's key index and
/// usually miss the cache, so those of a group of rows are prefetched before
/// any is resolved: the memory waits overlap instead of adding up.
extension ChunkParser {
    /// Rows whose look-ups are started together.
    private static let prefetchGroup = 16

    /// Resolves every reference of the candidate rows to the referenced row
    /// index, checks the row rules on the typed values, computes each row's
    /// key, and moves the rows that fail to the quarantine (in place).
    func resolveReferencesAndRules(_ result: inout Result) {
        let plan = layout.plan
        let fieldCount = plan.fields.count
        let rows = result.lines.count
        let references = (0..<fieldCount).filter { plan.fields[$0].reference >= 0 }
        let resolved = UnsafeMutablePointer<Int64>.allocate(capacity: max(fieldCount, 1))
        defer { resolved.deallocate() }
        var staged = result.values
        result.values = []
        result.keys.reserveCapacity(rows)
        var kept = 0
        // The row each reference resolved to last, and the one the prefetch pass expects.
        let hints = UnsafeMutablePointer<Int32>.allocate(capacity: max(references.count, 1) * 2)
        hints.initialize(repeating: 0, count: max(references.count, 1) * 2)
        defer { hints.deallocate() }
        let guesses = hints + references.count
        staged.withUnsafeMutableBufferPointer { values in
            var groupStart = 0
            while groupStart < rows {
                let groupEnd = min(rows, groupStart + Self.prefetchGroup)
                for row in groupStart..<groupEnd {
                    for (r, field) in references.enumerated() {
                        let lookup = plan.lookups[plan.fields[field].reference]
                        let key = values[row * fieldCount + field]
                        if let near = lookup.nearby(key, guesses[r]) { guesses[r] = near } else { lookup.prefetch(key) }
                    }
                }
                for row in groupStart..<groupEnd {
                    let raw = values.baseAddress! + row * fieldCount
                    if let problem = judgeLinks(raw, into: resolved, references: references, hints: hints,
                                                line: Int(result.lines[row]), start: result.starts[row]) {
                        result.quarantine.append(problem)
                        continue
                    }
                    // Keep the row: move it down over rows already dropped.
                    let target = values.baseAddress! + kept * fieldCount
                    target.update(from: resolved, count: fieldCount)
                    result.keys.append(key(target))
                    if kept != row {
                        result.lines[kept] = result.lines[row]
                        result.starts[kept] = result.starts[row]
                        moveTexts(from: row, to: kept, &result.texts)
                    }
                    kept += 1
                }
                groupStart = groupEnd
            }
        }
        staged.removeLast((rows - kept) * fieldCount)
        result.values = staged
        result.lines.removeLast(rows - kept)
        result.starts.removeLast(rows - kept)
        let textFields = result.texts.count / max(rows, 1)
        result.texts.removeLast((rows - kept) * textFields)
    }

    /// The references of one row (into `resolved`) and its row rules; the
    /// problem that sends it to quarantine, or nil.
    @inline(__always)
    private func judgeLinks(_ raw: UnsafeMutablePointer<Int64>, into resolved: UnsafeMutablePointer<Int64>,
                            references: [Int], hints: UnsafeMutablePointer<Int32>, line: Int, start: Int) -> PendingQuarantine? {
        let plan = layout.plan
        resolved.update(from: raw, count: plan.fields.count)
        for (r, field) in references.enumerated() {
            let lookup = plan.lookups[plan.fields[field].reference]
            guard let target = lookup.nearby(raw[field], hints[r]) ?? lookup.lookup(raw[field]) else {
                let space = layout.schema.fields[field].reference ?? .person
                return PendingQuarantine(localLine: line, rowStart: start, reason: space.unknownReason, column: layout.name(field),
                                         field: field, message: space.unknownMessage)
            }
            hints[r] = target
            resolved[field] = Int64(target)
        }
        if let (rule, field) = plan.brokenRule(raw) {
            return PendingQuarantine(localLine: line, rowStart: start, reason: .invalidValue, column: layout.name(field),
                                     field: field, message: layout.ruleMessages[rule])
        }
        return nil
    }

    /// The key of a row: its key columns (references as row indices) combined into one integer.
    @inline(__always)
    private func key(_ stored: UnsafeMutablePointer<Int64>) -> Int64 {
        let keyFields = layout.keyFields
        if keyFields.count == 1 { return stored[keyFields[0]] }
        var key: Int64 = 0
        for field in keyFields { key = key &* 10_000 &+ stored[field] }
        return key
    }

    private func moveTexts(from row: Int, to kept: Int, _ texts: inout [String]) {
        let perRow = layout.plan.fields.filter { $0.tag == .text }.count
        for i in 0..<perRow { texts[kept * perRow + i] = texts[row * perRow + i] }
    }
}
