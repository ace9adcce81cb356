import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs on a real, small tmpfs (the tests run as root): a disk that fills up
/// at every point of a sweep, and an output folder that is a mount point.
@Suite(.serialized) struct FullDiskTests {
    /// A tmpfs mounted at `path` for the life of the value.
    final class Mount {
        let path: String

        init(at path: String, megabytes: Int) throws {
            self.path = path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let mounted = try Program.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path])
            #expect(mounted.status == 0, "mount: \(mounted.standardError)")
        }

        /// Bytes free for an unprivileged file.
        var free: Int {
            var info = statvfs()
            guard statvfs(path, &info) == 0 else { return 0 }
            return Int(info.f_bavail) * Int(info.f_frsize)
        }

        deinit { _ = try? Program.run("/bin/umount", ["-l", path]) }
    }

    @Test func aDiskFullAtAnyPointLeavesOneWholeNight() throws {
        let baseline = try PublishFaultTests.Baseline()
        let disk = try Mount(at: baseline.work.file("disk"), megabytes: 48)
        try baseline.copy(to: disk.path)
        let empty = disk.free
        // What a second night needs: run it once with room to spare.
        let measure = try BottomlineProcess.run(PublishFaultTests.Baseline.run(
            data: baseline.data, folder: disk.path, date: PublishFaultTests.secondNight))
        #expect(measure.status == 0, "\(measure.standardError)")
        let needed = max(empty - disk.free, 1 << 20) * 3
        var failures = 0, successes = 0, mixed = 0
        let steps = 10
        for step in 0...steps {
            try baseline.copy(to: disk.path)
            let room = needed * step / steps
            let filler = disk.path + "/filler"
            let fill = max(disk.free - room, 0)
            FileManager.default.createFile(atPath: filler, contents: Data(count: fill))
            let night = try BottomlineProcess.run(PublishFaultTests.Baseline.run(
                data: baseline.data, folder: disk.path, date: PublishFaultTests.secondNight))
            if night.status == 0 { successes += 1 } else { failures += 1 }
            #expect([0, 6].contains(night.status), "free \(room): exit \(night.status) \(night.standardError)")
            try FileManager.default.removeItem(atPath: filler)
            let (before, after) = try baseline.checkAfterFault(disk.path)
            if !before.isEmpty || !after.isEmpty { mixed += 1 }
            #expect(before.isEmpty, "disk full with \(room) bytes free: \(before)")
            #expect(after.isEmpty, "after the next command, \(room) bytes free: \(after)")
        }
        print("full-disk sweep: \(steps + 1) points from 0 to \(needed) bytes free, \(failures) runs failed, "
            + "\(successes) succeeded, mixed states: \(mixed)")
        #expect(failures > 0 && successes > 0)
    }

    @Test func anOutputFolderOnAMountPointIsPublishedInPlace() throws {
        let baseline = try PublishFaultTests.Baseline()
        let folder = baseline.work.file("mounted")
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let disk = try Mount(at: out, megabytes: 32)
        let arguments = PublishFaultTests.Baseline.run(data: baseline.data, folder: folder, date: PublishFaultTests.secondNight)
        try Self.restore(baseline, into: folder)
        let night = try BottomlineProcess.run(arguments)
        #expect(night.status == 0, "\(night.standardError)")
        let invariant = NightInvariant(out: disk.path, warehouse: folder + "/w.sqlite")
        #expect(try invariant.violations(attempted: PublishFaultTests.secondNight, pendingAllowed: false).isEmpty)
        // Kills while the outputs are moved in one by one (the last renames of a run) are finished by the next command.
        try Self.restore(baseline, into: folder)
        let trace = baseline.work.file("renames.txt")
        #expect(try Program.traced(["-o", trace, "-e", "trace=rename"], arguments).status == 0)
        let renames = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains("rename(") }.count
        #expect(renames >= 8)
        for when in Set([renames / 2, renames - 1, renames]).sorted() {
            try Self.restore(baseline, into: folder)
            let killed = try Program.traced(["-o", "/dev/null", "-e", "trace=rename",
                                             "-e", "inject=rename:signal=KILL:when=\(when)"], arguments)
            #expect(killed.killed, "rename \(when) of \(renames)")
            let (before, after) = try baseline.checkAfterFault(folder)
            #expect(before.isEmpty, "rename \(when): \(before)")
            #expect(after.isEmpty, "rename \(when): \(after)")
            if when >= renames - 1 { #expect(NightInvariant.folderRun(out)?.1 == PublishFaultTests.secondNight) }
        }
        #expect(try Program.run("/bin/mountpoint", ["-q", out]).status == 0)
    }

    /// The baseline's first night into `folder`, whose `out` is a mount point.
    static func restore(_ baseline: PublishFaultTests.Baseline, into folder: String) throws {
        let manager = FileManager.default
        let out = folder + "/out"
        for entry in try manager.contentsOfDirectory(atPath: out) { try manager.removeItem(atPath: out + "/" + entry) }
        for entry in try manager.contentsOfDirectory(atPath: baseline.base + "/out") {
            try manager.copyItem(atPath: baseline.base + "/out/" + entry, toPath: out + "/" + entry)
        }
        for entry in try manager.contentsOfDirectory(atPath: folder) where entry != "out" {
            try manager.removeItem(atPath: folder + "/" + entry)
        }
        for entry in try manager.contentsOfDirectory(atPath: baseline.base) where entry != "out" {
            try manager.copyItem(atPath: baseline.base + "/" + entry, toPath: folder + "/" + entry)
        }
    }
}
