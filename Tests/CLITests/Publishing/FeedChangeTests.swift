import Foundation
import GRDB
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A feed that changes during a run fails the run cleanly (exit 3, naming the
/// file), and what is recorded is what was read.
@Suite(.serialized) struct FeedChangeTests {
    /// Runs a night whose `persons.csv` is truncated while the run holds it:
    /// strace pauses the run for two seconds when it maps or starts reading
    /// the file, and the test truncates the file meanwhile.
    @Test func aFeedTruncatedWhileReadFailsCleanly() throws {
        let work = try TemporaryFolder("feed-change")
        let data = work.file("data"), persons = data + "/persons.csv"
        #expect(try BottomlineProcess.run(["generate", "--persons", "3000", "--seed", "3", "--out", data]).status == 0)
        let trace = work.file("trace.txt"), errors = work.file("stderr")
        let process = try Self.startTraced(["-o", trace, "-P", persons, "-e", "trace=openat,read,mmap",
                                            "-e", "inject=read,mmap:delay_enter=2000000:when=1"],
                                           data: data, out: work.file("out"), work: work, errors: errors)
        Self.wait(for: "persons.csv", in: trace, while: process)
        usleep(300_000)
        #expect(truncate(persons, 4096) == 0)
        process.waitUntilExit()
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(process.terminationReason == .exit, "the run crashed: \(said)")
        #expect(process.terminationStatus == 3, "\(said)")
        #expect(said.contains("persons.csv: the file changed while the run was reading it"))
        #expect(!FileManager.default.fileExists(atPath: work.file("out")))
        let published = try DatabaseQueue(path: work.file("w.sqlite")).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM published_runs")
        }
        #expect(published == 0)
    }

    /// A feed rewritten after it was read: the run must not publish figures
    /// next to a fingerprint of other bytes. strace pauses the run for two
    /// seconds when it creates its staging folder (after the ingest and the
    /// engine), and the test rewrites the feed meanwhile.
    @Test func aFeedRewrittenAfterItWasReadFailsTheRun() throws {
        let work = try TemporaryFolder("feed-change")
        let data = work.file("data"), villages = data + "/villages.csv"
        #expect(try BottomlineProcess.run(["generate", "--persons", "2000", "--seed", "3", "--out", data]).status == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: villages))
        let errors = work.file("stderr")
        let process = try Self.startTraced(["-o", "/dev/null", "-P", work.file("out/.night.staging-run1"),
                                            "-e", "trace=mkdir", "-e", "inject=mkdir:delay_enter=2000000"],
                                           data: data, out: work.file("out/night"), work: work, errors: errors)
        Self.wait(for: "stage engine", in: errors, while: process)
        usleep(200_000)
        var rewritten = original
        rewritten.append(contentsOf: Array("\n".utf8))
        try rewritten.write(to: URL(fileURLWithPath: villages))
        process.waitUntilExit()
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 3, "\(said)")
        #expect(said.contains("villages.csv"))
        #expect(!FileManager.default.fileExists(atPath: work.file("out/night")))
        let recorded = try DatabaseQueue(path: work.file("w.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT r.status, i.bytes FROM runs r JOIN run_inputs i USING (run_id) WHERE i.feed = 'villages'")
        }
        #expect(recorded.count == 1)
        #expect(recorded.first?["status"] as String? == "failed")
        #expect(recorded.first?["bytes"] as Int? == original.count)
    }

    /// Starts `strace options… bottomline run` on `data`, standard error to `errors`.
    static func startTraced(_ options: [String], data: String, out: String, work: TemporaryFolder,
                            errors: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-f", "-qq"] + options + [
            BottomlineProcess.binary.path, "run", "--data", data, "--date", "2026-11-28", "--out", out,
            "--warehouse", work.file("w.sqlite"), "--threads", "1",
        ]
        FileManager.default.createFile(atPath: errors, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        return process
    }

    /// Waits (a minute at most) until `file` mentions `text` or the process ends.
    static func wait(for text: String, in file: String, while process: Process) {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline
            && !((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").contains(text) {
            usleep(5_000)
        }
    }
}
