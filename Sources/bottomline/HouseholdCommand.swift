import ArgumentParser
import Console
import EarlyWarning
import Foundation
import Nightly
import Reports
import Warehouse

/// `bottomline household`: one household's history, for a caseworker.
struct HouseholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household",
        abstract: "Show one household's history across the nights (needs the household key).",
        discussion: """
            The warehouse holds no household IDs, only their keyed hashes: the ID is hashed with the same key \
            the nightly run uses (--key-file, else BOTTOMLINE_HOUSEHOLD_KEY, else early_warning.key_file in the \
            pipeline). Without the key the command is refused.
            Example: bottomline household --warehouse out/warehouse.sqlite --id 5201020010010001
            """
    )

    @OptionGroup var options: WarehouseOption

    @Option(help: ArgumentHelp("The 16-digit household ID.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The household key file (default: BOTTOMLINE_HOUSEHOLD_KEY, then the pipeline's).",
                               valueName: "file"))
    var keyFile: String?

    @Option(help: ArgumentHelp("The pipeline file naming the key.", valueName: "file"))
    var pipeline = "Pipelines/guizhou.yaml"

    func run() throws {
        let warehouse = try WarehouseAccess.openForReading(path: options.warehouse, log: logLine)
        let rows: [HouseholdHistoryRow]
        do {
            rows = try HouseholdLookup.history(warehouse: warehouse, householdID: id,
                                               keyPath: HouseholdLookup.keyPath(keyFile: keyFile, pipeline: pipeline))
        } catch let error as HouseholdKeyError {
            logLine(error.description)
            throw ExitCode(1)
        }
        guard !rows.isEmpty else {
            print("No history for this household in \(options.warehouse) (never on a roster of a run with this key).")
            return
        }
        print(HouseholdView.text(rows), terminator: "")
    }
}
