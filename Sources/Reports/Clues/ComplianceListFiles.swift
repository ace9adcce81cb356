import Engine
import Foundation

/// `lists/<list>/<county_code>.csv`: the compliance lists of the pipeline
/// (应纳未纳, 应帮未帮, 错误消除, …), one file per county with households on
/// the list, by village then household ID, the head's resident ID masked,
/// one 0/1 column per reason and the reasons that fired. A list has exactly
/// as many rows for a county as its indicator counts there (or, for a
/// denominator-less-numerator list, as the difference).
///
/// RESTRICTED personal data: `lists/` and every list folder are created with
/// mode 0700 and each file with 0600; files of counties no longer on a list,
/// and folders of lists no longer in the pipeline, are removed.
public struct ComplianceListFiles: MeetingOutput {
    public let path = "lists"

    public init() {}

    public func write(_ inputs: ReportInputs, options: ReportOptions, to folder: URL) throws {
        let root = folder.appendingPathComponent(path, isDirectory: true)
        guard !inputs.lists.isEmpty || FileManager.default.fileExists(atPath: root.path) else { return }
        try OutputFile.makePrivateFolder(root)
        try ClueListFiles.removeStale(in: root, keeping: Set(inputs.lists.map(\.id)), suffix: "")
        for list in inputs.lists {
            let listFolder = root.appendingPathComponent(list.id, isDirectory: true)
            try OutputFile.makePrivateFolder(listFolder)
            let format = HouseholdListCSV(signals: list.reasons, language: options.language,
                                          reasonsHeader: options.language.pick("原因", "reasons"))
            try ClueListFiles.writeCounties(list.households, into: listFolder, inputs: inputs, options: options,
                                            format: format)
        }
    }
}
