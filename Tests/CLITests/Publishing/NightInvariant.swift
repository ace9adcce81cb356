import Foundation
import GRDB
import TestSupport

/// The whole-night invariant, read from the real files: the output folder,
/// `published_runs`, `indicator_values` and `runs.status` belong to one run.
struct NightInvariant {
    let out: String
    let warehouse: String

    /// What is wrong, empty when the night is whole. With `pendingAllowed`, a
    /// publish journal row (which the next command repairs) may explain a
    /// folder one night behind the committed figures.
    func violations(attempted date: String, pendingAllowed: Bool) throws -> [String] {
        var problems: [String] = []
        let queue = try DatabaseQueue(path: warehouse)
        let integrity = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        if integrity != ["ok"] { problems.append("integrity_check: \(integrity)") }
        let pending = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT run_id, run_date, phase, in_place FROM publish_journal")
        }
        if !pending.isEmpty && !pendingAllowed { problems.append("journal rows left: \(pending)") }
        // Outputs moved in one by one (a mount point) may be half moved until the next command finishes.
        if pendingAllowed && pending.contains(where: { ($0["phase"] as String) == "committed" && ($0["in_place"] as Bool) }) {
            return problems
        }
        let committed = pending.filter { ($0["phase"] as String) == "committed" }.map { $0["run_id"] as Int64 }
        let folderRun = Self.folderRun(out)
        // The folder's night is published by the folder's run, with the folder's figures.
        if let (runID, runDate) = folderRun {
            let published = try queue.read {
                try Int64.fetchOne($0, sql: "SELECT run_id FROM published_runs WHERE run_date = ?", arguments: [runDate])
            }
            let explained = pendingAllowed && published.map { committed.contains($0) } == true
            if published != runID && !explained {
                problems.append("folder holds run \(runID) of \(runDate), published_runs says \(String(describing: published))")
            }
            if published == runID {
                let status = try queue.read {
                    try String.fetchOne($0, sql: "SELECT status FROM runs WHERE run_id = ?", arguments: [runID])
                }
                if status != "succeeded" && !(pendingAllowed && committed.contains(runID)) {
                    problems.append("the live run \(runID) has status \(status ?? "none")")
                }
                let stored = try queue.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT level, code, indicator, numerator, denominator, value_text FROM indicator_values
                        WHERE run_date = ?
                        """, arguments: [runDate]).map { row in
                        // A count with no value tonight (a flow on the first night) prints no numerator.
                        let unavailable = (row["value_text"] as String).isEmpty && (row["denominator"] as Int64?) == nil
                        return "\(row["level"] as String),\(row["code"] as String),\(row["indicator"] as String),"
                            + (unavailable ? "" : "\(row["numerator"] as Int64)") + ",\(row["value_text"] as String)"
                    }
                }
                if Set(stored) != Self.folderFigures(out) {
                    problems.append("indicator_values of \(runDate) differ from \(out)/indicators.csv")
                }
            }
            let latest = try queue.read {
                try Int64.fetchOne($0, sql: "SELECT max(run_id) FROM runs WHERE run_date = ? AND status = 'succeeded'",
                                   arguments: [runDate])
            }
            if latest != runID && !(pendingAllowed && !committed.isEmpty) {
                problems.append("runs says run \(String(describing: latest)) succeeded last for \(runDate), the folder holds \(runID)")
            }
        } else if FileManager.default.fileExists(atPath: out) {
            problems.append("\(out) exists without a readable run.json")
        }
        // A night not in the folder is not published, and no run of it says succeeded.
        if folderRun?.1 != date {
            let published = try queue.read {
                try Int64.fetchOne($0, sql: "SELECT run_id FROM published_runs WHERE run_date = ?", arguments: [date])
            }
            if let published, !(pendingAllowed && committed.contains(published)) {
                problems.append("\(date) is published (run \(published)) but the folder holds \(String(describing: folderRun))")
            }
            let succeeded = try queue.read {
                try Int.fetchOne($0, sql: "SELECT count(*) FROM runs WHERE run_date = ? AND status = 'succeeded'",
                                 arguments: [date]) ?? 0
            }
            if succeeded > 0 { problems.append("a run of \(date) says succeeded but its outputs are not live") }
        }
        if !pendingAllowed {
            let parent = (out as NSString).deletingLastPathComponent
            let name = (out as NSString).lastPathComponent
            let beside = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            let inside = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            let leftovers = beside.filter { $0.hasPrefix(".\(name).") } + inside.filter { $0.hasPrefix(".bottomline-") }
            if !leftovers.isEmpty { problems.append("left behind: \(leftovers)") }
        }
        return problems
    }

    /// The run id and date in `folder/run.json`.
    static func folderRun(_ folder: String) -> (Int64, String)? {
        guard let data = FileManager.default.contents(atPath: folder + "/run.json"),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let runID = object["run_id"] as? NSNumber, let date = object["run_date"] as? String else { return nil }
        return (runID.int64Value, date)
    }

    /// `level,code,indicator,numerator,value` of every row of `folder/indicators.csv`.
    static func folderFigures(_ folder: String) -> Set<String> {
        guard let text = try? String(contentsOfFile: folder + "/indicators.csv", encoding: .utf8) else { return [] }
        var rows = Set<String>()
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 7 else { continue }
            rows.insert("\(fields[0]),\(fields[1]),\(fields[3]),\(fields[4]),\(fields[fields.count - 1])")
        }
        return rows
    }
}

/// Runs any program to the end, its output going to files.
enum Program {
    struct Result {
        let status: Int32
        let killed: Bool
        let standardOutput: String
        let standardError: String
    }

    static func run(_ executable: String, _ arguments: [String], user: String? = nil) throws -> Result {
        let folder = try TemporaryFolder("program")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = BottomlineProcess.repository
        let outputPath = folder.file("stdout"), errorPath = folder.file("stderr")
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                      standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
                      standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }

    /// `bottomline arguments…` under `strace` with `options` (e.g. an injection).
    static func traced(_ options: [String], _ arguments: [String]) throws -> Result {
        try run("/usr/bin/strace", ["-f", "-qq"] + options + ["--", BottomlineProcess.binary.path] + arguments)
    }
}
