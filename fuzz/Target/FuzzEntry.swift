// The fuzz target of bottomline, built through the package so it always
// compiles against the current code (`swift build` builds it; see fuzz/run.sh).
//
// With `-sanitize=fuzzer -DFUZZING`, libFuzzer drives `LLVMFuzzerTestOneInput`.
// Without, the same checks replay the files given as arguments and, with
// --seconds N, mutate them at random for N seconds (`make test` runs 20 s):
//   .build/debug/BottomlineFuzz fuzz/corpus --seconds 20

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzzWriters(input)
    fuzzPipeline(input)
    fuzzIngest(input)
    return 0
}

#if FUZZING
/// With libFuzzer: SwiftPM links an executable target's entry point as the
/// program's `main`, so libFuzzer's own `main` is never linked in; this one
/// hands the command line to libFuzzer's driver, which calls `fuzzOneInput`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
enum FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Without libFuzzer: replays inputs (files, or every file of a folder)
/// through the fuzz checks; with `--seconds N`, then keeps mutating them at
/// random (flips, insertions, deletions, splices; seeded, so a run can be
/// repeated with `--seed`) for N seconds: the smoke run of `make test`.
@main
enum FuzzReplay {
    static func main() {
        defer { try? FileManager.default.removeItem(atPath: FuzzSetting.folder) }
        var arguments = Array(CommandLine.arguments.dropFirst())
        let seconds = option("--seconds", &arguments).flatMap(Double.init) ?? 0
        var random = SplitMix(state: option("--seed", &arguments).flatMap(UInt64.init) ?? 20_261_130)
        var inputs: [[UInt8]] = []
        for path in paths(arguments) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            inputs.append(Array(data))
            run(inputs[inputs.count - 1])
        }
        print("replayed \(inputs.count) inputs")
        guard seconds > 0, !inputs.isEmpty else { return }
        let end = Date().addingTimeInterval(seconds)
        var count = 0
        while Date() < end {
            var input = inputs[random.below(inputs.count)]
            for _ in 0...random.below(4) { mutate(&input, inputs[random.below(inputs.count)], &random) }
            run(input)
            count += 1
        }
        print("ran \(count) mutated inputs in \(Int(seconds)) s, no finding")
    }

    static func run(_ input: [UInt8]) {
        _ = input.withUnsafeBufferPointer { fuzzOneInput($0.baseAddress, $0.count) }
    }

    static func option(_ name: String, _ arguments: inout [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        let value = arguments[index + 1]
        arguments.removeSubrange(index...(index + 1))
        return value
    }

    static func paths(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else { return [] }
            guard isFolder.boolValue else { return [argument] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            return names.sorted().map { argument + "/" + $0 }
        }
    }

    /// Bytes that matter to the reader and the writers, tried more often than others.
    static let interesting: [UInt8] = [0, 9, 10, 13, 34, 39, 44, 45, 58, 61, 64, 91, 123, 0x1B, 0x7F, 0x80, 0xC3, 0xE2, 0xEF, 0xFF]

    static func mutate(_ input: inout [UInt8], _ other: [UInt8], _ random: inout SplitMix) {
        let position = input.isEmpty ? 0 : random.below(input.count + 1)
        switch random.below(5) {
        case 0 where !input.isEmpty && position < input.count:
            input[position] ^= UInt8(1 << random.below(8))
        case 1:
            let byte = random.below(2) == 0 ? interesting[random.below(interesting.count)] : UInt8(random.below(256))
            input.insert(contentsOf: Array(repeating: byte, count: 1 + random.below(3)), at: position)
        case 2 where !input.isEmpty:
            input.removeSubrange(min(position, input.count - 1)..<min(input.count, position + 1 + random.below(8)))
        case 3 where !other.isEmpty:
            let start = random.below(other.count)
            input.insert(contentsOf: other[start..<min(other.count, start + 1 + random.below(64))], at: position)
        default:
            input.insert(contentsOf: Array(["\"".utf8, ",".utf8, "\r\n".utf8, "\u{301}".utf8, " and ".utf8, "(".utf8][random.below(6)]),
                         at: position)
        }
        if input.count > 4096 { input.removeLast(input.count - 4096) }
    }

    /// A small seeded random stream.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }
}
#endif
