import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Real faults, not timing: a real `bottomline run` is killed by `strace` at
/// the first, middle and last call of each write-side system call, and runs
/// on a small tmpfs that is full at every point of a sweep. After each fault,
/// and after the next command, the whole night must be one run's.
@Suite(.serialized) struct PublishFaultTests {
    static let firstNight = "2026-11-27", secondNight = "2026-11-28"
    static let syscalls = ["pwrite64", "fsync", "fdatasync", "rename", "renameat2", "unlink", "mkdir", "rmdir",
                           "write", "fchmod", "ftruncate"]

    /// A small generated province, and `base/` holding its first night (outputs and warehouse).
    struct Baseline {
        let work: TemporaryFolder
        var data: String { work.file("data") }
        var base: String { work.file("base") }

        init() throws {
            work = try TemporaryFolder("faults")
            let generated = try BottomlineProcess.run(["generate", "--persons", "1000", "--seed", "11", "--out", work.file("data")])
            #expect(generated.status == 0, "\(generated.standardError)")
            try FileManager.default.createDirectory(atPath: work.file("base"), withIntermediateDirectories: true)
            let first = try BottomlineProcess.run(Self.run(data: work.file("data"), folder: work.file("base"),
                                                           date: PublishFaultTests.firstNight))
            #expect(first.status == 0, "\(first.standardError)")
        }

        static func run(data: String, folder: String, date: String) -> [String] {
            ["run", "--data", data, "--date", date, "--out", folder + "/out", "--warehouse", folder + "/w.sqlite",
             "--threads", "1"]
        }

        /// A fresh copy of `base/` at `folder`.
        func copy(to folder: String) throws {
            if FileManager.default.fileExists(atPath: folder) {
                for entry in try FileManager.default.contentsOfDirectory(atPath: folder) {
                    try FileManager.default.removeItem(atPath: folder + "/" + entry)
                }
            } else {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            for entry in try FileManager.default.contentsOfDirectory(atPath: base) {
                try FileManager.default.copyItem(atPath: base + "/" + entry, toPath: folder + "/" + entry)
            }
        }

        /// The second night run on a fresh copy of `base/` (at `case/`) under strace, with `fault`
        /// (an strace `inject=` action) at every renameat2: the folder swap.
        func secondNightFaulted(atRename fault: String) throws -> (folder: String, traced: Program.Result) {
            let folder = work.file("case")
            try copy(to: folder)
            let traced = try Program.traced(
                ["-o", "/dev/null", "-e", "trace=renameat2", "-e", "inject=renameat2:\(fault)"],
                Self.run(data: data, folder: folder, date: PublishFaultTests.secondNight))
            return (folder, traced)
        }

        /// The night's invariant in `folder`, then the next command (`history`), then the invariant again.
        func checkAfterFault(_ folder: String) throws -> (before: [String], after: [String]) {
            let invariant = NightInvariant(out: folder + "/out", warehouse: folder + "/w.sqlite")
            let before = try invariant.violations(attempted: PublishFaultTests.secondNight, pendingAllowed: true)
            let next = try BottomlineProcess.run(["history", "--warehouse", folder + "/w.sqlite",
                                                  "--indicator", "insurance_rate"])
            var after = try invariant.violations(attempted: PublishFaultTests.secondNight, pendingAllowed: false)
            if next.status != 0 { after.append("history after the fault: exit \(next.status): \(next.standardError)") }
            return (before, after)
        }
    }

    /// Calls per system call of the busiest thread of a second night's run (strace -f -o).
    static func callCounts(_ baseline: Baseline) throws -> [String: Int] {
        let folder = baseline.work.file("count")
        try baseline.copy(to: folder)
        let trace = baseline.work.file("trace.txt")
        let traced = try Program.traced(["-o", trace, "-e", "trace=" + syscalls.joined(separator: ",")],
                                        Baseline.run(data: baseline.data, folder: folder, date: secondNight))
        #expect(traced.status == 0, "\(traced.standardError)")
        var perThread: [String: [String: Int]] = [:]
        for line in try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            let call = parts[1].drop { $0 == " " }.prefix { $0 != "(" && $0 != " " }
            guard syscalls.contains(String(call)) else { continue }
            perThread[String(call), default: [:]][String(parts[0]), default: 0] += 1
        }
        return perThread.mapValues { $0.values.max() ?? 0 }
    }

    @Test func aKillAtEveryWriteCallLeavesOneWholeNight() throws {
        let baseline = try Baseline()
        let counts = try Self.callCounts(baseline)
        print("write-side calls of a run (busiest thread): \(counts.sorted { $0.key < $1.key })")
        var points = 0, kills = 0, mixedAfterKill = 0, mixedAfterNext = 0
        var missed: [String] = []
        for call in Self.syscalls {
            guard let count = counts[call], count > 0 else { continue }
            for when in Set([1, (count + 1) / 2, count]).sorted() {
                // A run's count can differ by a call or two from the counted run's (SQLite's
                // checkpoints): the last call is tried down from the count until a kill happens.
                let tries = when == count && count > 1 ? Array(stride(from: count, to: max(count - 4, 1), by: -1)) : [when]
                points += 1
                var killedOnce = false
                for attempt in tries where !killedOnce {
                    let folder = baseline.work.file("case")
                    try baseline.copy(to: folder)
                    let traced = try Program.traced(["-o", "/dev/null", "-e", "trace=\(call)",
                                                     "-e", "inject=\(call):signal=KILL:when=\(attempt)"],
                                                    Baseline.run(data: baseline.data, folder: folder, date: Self.secondNight))
                    killedOnce = traced.killed
                    let (before, after) = try baseline.checkAfterFault(folder)
                    if !before.isEmpty { mixedAfterKill += 1 }
                    if !after.isEmpty { mixedAfterNext += 1 }
                    #expect(before.isEmpty, "kill at \(call) call \(attempt): \(before)")
                    #expect(after.isEmpty, "after the next command, kill at \(call) call \(attempt): \(after)")
                }
                if killedOnce { kills += 1 } else { missed.append("\(call)#\(when)") }
            }
        }
        print("fault injection: \(points) crash points, \(kills) killed a run (not reached: \(missed)), "
            + "mixed states after the kill: \(mixedAfterKill), after the next command: \(mixedAfterNext)")
        #expect(points >= 20)
        #expect(kills * 4 >= points * 3, "not reached: \(missed)")
    }

    /// An I/O error (EIO) at the middle call of each write-side system call:
    /// the run fails (or survives the error), and the night stays whole.
    @Test func anErrorAtEveryWriteCallLeavesOneWholeNight() throws {
        let baseline = try Baseline()
        let counts = try Self.callCounts(baseline)
        var points = 0, failedRuns = 0, mixed = 0
        for call in Self.syscalls {
            guard let count = counts[call], count > 0 else { continue }
            let folder = baseline.work.file("case")
            try baseline.copy(to: folder)
            let when = (count + 1) / 2
            let traced = try Program.traced(["-o", "/dev/null", "-e", "trace=\(call)",
                                             "-e", "inject=\(call):error=EIO:when=\(when)"],
                                            Baseline.run(data: baseline.data, folder: folder, date: Self.secondNight))
            points += 1
            if traced.status != 0 || traced.killed { failedRuns += 1 }
            let (before, after) = try baseline.checkAfterFault(folder)
            if !before.isEmpty || !after.isEmpty { mixed += 1 }
            #expect(before.isEmpty, "EIO at \(call) call \(when): \(before)")
            #expect(after.isEmpty, "after the next command, EIO at \(call) call \(when): \(after)")
        }
        print("error injection: \(points) points (EIO at the middle call), \(failedRuns) runs failed, mixed states: \(mixed)")
        #expect(points >= 8)
    }

    @Test func aRenameKilledBetweenCommitAndSwapIsRolledForward() throws {
        let baseline = try Baseline()
        let (folder, traced) = try baseline.secondNightFaulted(atRename: "signal=KILL")
        #expect(traced.killed)
        let (before, after) = try baseline.checkAfterFault(folder)
        #expect(before.isEmpty, "\(before)")
        #expect(after.isEmpty, "\(after)")
        // The committed night rolled forward: the folder and the warehouse hold the second night.
        #expect(NightInvariant.folderRun(folder + "/out")?.1 == Self.secondNight)
    }

    @Test func aCommittedRunWhoseStagingWasRemovedIsWithdrawn() throws {
        let baseline = try Baseline()
        let (folder, traced) = try baseline.secondNightFaulted(atRename: "signal=KILL")
        #expect(traced.killed)
        for entry in try FileManager.default.contentsOfDirectory(atPath: folder) where entry.hasPrefix(".out.staging-") {
            try FileManager.default.removeItem(atPath: folder + "/" + entry)
        }
        let next = try BottomlineProcess.run(["history", "--warehouse", folder + "/w.sqlite", "--indicator", "insurance_rate"])
        #expect(next.status == 0, "\(next.standardError)")
        #expect(next.standardError.contains("lost its staged outputs; its figures were withdrawn"))
        let invariant = NightInvariant(out: folder + "/out", warehouse: folder + "/w.sqlite")
        #expect(try invariant.violations(attempted: Self.secondNight, pendingAllowed: false).isEmpty)
        #expect(NightInvariant.folderRun(folder + "/out")?.1 == Self.firstNight)
    }

    /// EINVAL: no RENAME_EXCHANGE (NFS, CIFS); EBUSY: a folder that refuses to be renamed.
    @Test(arguments: ["EINVAL", "EBUSY"])
    func withoutRenameExchangeTheFolderIsStillSwapped(_ error: String) throws {
        let baseline = try Baseline()
        let (folder, traced) = try baseline.secondNightFaulted(atRename: "error=\(error)")
        #expect(traced.status == 0, "\(traced.standardError)")
        let invariant = NightInvariant(out: folder + "/out", warehouse: folder + "/w.sqlite")
        #expect(try invariant.violations(attempted: Self.secondNight, pendingAllowed: false).isEmpty)
        #expect(NightInvariant.folderRun(folder + "/out")?.1 == Self.secondNight)
    }
}
