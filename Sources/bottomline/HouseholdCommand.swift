import ArgumentParser
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
        var table = TerminalTable([
            .left("from"), .left("to"), .left("category"), .left("type"), .left("risk"), .left("clue"),
            .left("clue date"), .left("hard signals"), .right("income"), .left("band"), .right("members"), .left("village"),
        ])
        for row in rows {
            table.append([row.validFrom, row.validTo ?? "now", row.category, row.monitoringType, row.riskStatus,
                          row.clueOutcome, row.clueDate ?? "", row.hardSignals.joined(separator: ";"),
                          String(format: "%.2f", row.income), row.incomeBand, String(row.members), row.villageCode])
        }
        print(TerminalText.plain("History of the household (\(rows.count) interval\(rows.count == 1 ? "" : "s"); "
            + "'to' is the first night it differed or was absent)\n\n" + table.text()), terminator: "")
    }
}
