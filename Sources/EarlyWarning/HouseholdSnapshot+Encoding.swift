import Ingest

/// The snapshot as the warehouse keeps it: one BLOB of fixed-size records
/// (hash, valid_from, state), big-endian, in hash order.
extension HouseholdSnapshot {
    static let recordSize = 16 + 4 + HouseholdState.size

    /// The BLOB: one record per household.
    public func encoded() -> [UInt8] {
        let size = Self.recordSize
        return [UInt8](unsafeUninitializedCapacity: count * size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for i in 0..<count {
                let offset = i * size
                func put<T: FixedWidthInteger>(_ value: T, _ at: Int) {
                    raw.storeBytes(of: value.bigEndian, toByteOffset: offset + at, as: T.self)
                }
                let state = states[i]
                put(hashes[i].high, 0)
                put(hashes[i].low, 8)
                put(validFrom[i], 16)
                put(state.category, 20)
                put(state.monitoringType, 21)
                put(state.riskStatus, 22)
                put(state.clueOutcome, 23)
                put(state.signals, 24)
                put(state.members, 26)
                put(state.village, 28)
                put(state.clueDate, 36)
                put(state.income, 40)
            }
            initialized = count * size
        }
    }

    /// Reads a BLOB written by `encoded()` with `changes` (oldest first) applied as `applying(_:)` would, in one
    /// pass: the records are decoded straight into their final places, in `threads` pieces at once (each piece
    /// a range of records with the changes that fall in it; a first pass over the hashes counts what each
    /// piece keeps). Nil when the BLOB's size is not a whole number of records.
    public init?(encoded bytes: UnsafeRawBufferPointer, applying changes: [HouseholdSnapshot] = [], threads: Int = 1) {
        guard bytes.count % Self.recordSize == 0 else { return nil }
        let base = EncodedRecords(bytes: bytes)
        let changed = HouseholdSnapshot.combined(changes)
        let pieces = base.pieces(count: max(1, threads) * 8, changes: changed)
        let counts = parallelMap(count: pieces.count, workers: threads) { pieces[$0].merge(base, changed, into: nil) }
        var starts = [0]
        for count in counts { starts.append(starts.last! + count) }
        let total = starts.last!
        var hashes: [HouseholdHash] = [], validFrom: [Int32] = [], states: [HouseholdState] = []
        hashes = [HouseholdHash](unsafeUninitializedCapacity: total) { hashBuffer, hashCount in
            validFrom = [Int32](unsafeUninitializedCapacity: total) { fromBuffer, fromCount in
                states = [HouseholdState](unsafeUninitializedCapacity: total) { stateBuffer, stateCount in
                    nonisolated(unsafe) let output = SnapshotOutput(
                        hashes: hashBuffer.baseAddress!, validFrom: fromBuffer.baseAddress!,
                        states: stateBuffer.baseAddress!)
                    _ = parallelMap(count: pieces.count, workers: threads) { index in
                        pieces[index].merge(base, changed, into: output.advanced(by: starts[index]))
                    }
                    stateCount = total
                }
                fromCount = total
            }
            hashCount = total
        }
        self.init(hashes: hashes, states: states, validFrom: validFrom)
    }
}

/// The records of an encoded snapshot, read in place.
private struct EncodedRecords: @unchecked Sendable {  // reads only, from a buffer alive for the decode
    let bytes: UnsafeRawBufferPointer
    var count: Int { bytes.count / HouseholdSnapshot.recordSize }

    private func read<T: FixedWidthInteger>(_ record: Int, _ at: Int, as type: T.Type) -> T {
        T(bigEndian: bytes.loadUnaligned(fromByteOffset: record * HouseholdSnapshot.recordSize + at, as: T.self))
    }

    func hash(_ record: Int) -> HouseholdHash {
        HouseholdHash(high: read(record, 0, as: UInt64.self), low: read(record, 8, as: UInt64.self))
    }

    func validFrom(_ record: Int) -> Int32 { read(record, 16, as: Int32.self) }

    func state(_ record: Int) -> HouseholdState {
        HouseholdState(decoding: bytes, at: record * HouseholdSnapshot.recordSize + 20)
    }

    /// About `count` pieces of equal size, each with the changes whose hashes fall between its first record's
    /// and the next piece's (the first and last pieces open-ended).
    func pieces(count wanted: Int, changes: HouseholdSnapshot) -> [SnapshotPiece] {
        let size = max(1, (count + wanted - 1) / wanted)
        let starts = Array(stride(from: 0, to: count, by: size))
        var pieces: [SnapshotPiece] = []
        var firstChange = 0
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : count
            let lastChange = end < count ? changes.firstIndex(notBelow: hash(end), from: firstChange) : changes.count
            pieces.append(SnapshotPiece(records: start..<end, changes: firstChange..<lastChange))
            firstChange = lastChange
        }
        if pieces.isEmpty { pieces.append(SnapshotPiece(records: 0..<0, changes: 0..<changes.count)) }
        return pieces
    }
}

/// Where a piece of the decoded snapshot goes.
private struct SnapshotOutput {
    let hashes: UnsafeMutablePointer<HouseholdHash>
    let validFrom: UnsafeMutablePointer<Int32>
    let states: UnsafeMutablePointer<HouseholdState>

    func advanced(by offset: Int) -> SnapshotOutput {
        SnapshotOutput(hashes: hashes + offset, validFrom: validFrom + offset, states: states + offset)
    }
}

/// A range of encoded records and the changes that fall among them.
private struct SnapshotPiece: Sendable {
    let records: Range<Int>
    let changes: Range<Int>

    /// Merges the piece's records with its changes (a change replaces the record with its hash, a departure
    /// removes it); writes the result to `output` when given. Returns how many households the piece keeps.
    func merge(_ base: EncodedRecords, _ changed: HouseholdSnapshot, into output: SnapshotOutput?) -> Int {
        var written = 0
        var record = records.lowerBound
        func copy(upTo end: Int) {
            if let output {
                for source in record..<end {
                    (output.hashes + written).initialize(to: base.hash(source))
                    (output.validFrom + written).initialize(to: base.validFrom(source))
                    (output.states + written).initialize(to: base.state(source))
                    written += 1
                }
            } else {
                written += end - record
            }
            record = end
        }
        for change in changes {
            let hash = changed.hashes[change]
            var end = record
            while end < records.upperBound && base.hash(end) < hash { end += 1 }
            copy(upTo: end)
            if record < records.upperBound && base.hash(record) == hash { record += 1 }
            guard changed.validFrom[change] != HouseholdSnapshot.departed else { continue }
            if let output {
                (output.hashes + written).initialize(to: hash)
                (output.validFrom + written).initialize(to: changed.validFrom[change])
                (output.states + written).initialize(to: changed.states[change])
            }
            written += 1
        }
        copy(upTo: records.upperBound)
        return written
    }
}
