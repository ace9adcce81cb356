// The fuzz target of bottomline, built through the package so it always
// compiles against the current code (`swift build` builds it; see fuzz/run.sh).
//
// With `-sanitize=fuzzer -DFUZZING`, libFuzzer drives `LLVMFuzzerTestOneInput`.
// Without, the same checks replay the files given as arguments:
//   .build/debug/BottomlineFuzz fuzz/corpus/*

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzzWriters(input)
    fuzzPipeline(input)
    fuzzIngest(input)
    return 0
}

#if !FUZZING
/// Replays inputs (files, or every file of a folder) through the fuzz checks.
@main
enum FuzzReplay {
    static func main() {
        var paths: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                paths += names.sorted().map { argument + "/" + $0 }
            } else {
                paths.append(argument)
            }
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            _ = data.withUnsafeBytes { raw in
                fuzzOneInput(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
            }
        }
        print("replayed \(paths.count) inputs")
    }
}
#endif
