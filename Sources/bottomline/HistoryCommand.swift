import ArgumentParser
import Console
import Engine
import Nightly
import Reports
import Warehouse

/// `bottomline history`: one indicator's published figures over the nights.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show one indicator's published figures, night by night.",
        discussion: """
            Reads the warehouse only (a run may be writing meanwhile). One area: one row per date with \
            numerator, denominator and value. Up to \(HistoryView.widestLayout) areas: one column per area. \
            More areas: one row per date and area.
            Example: bottomline history --warehouse out/warehouse.sqlite --indicator insurance_rate --level county
            """
    )

    @OptionGroup var options: WarehouseOption

    @Option(help: ArgumentHelp("Indicator id, as in indicators.csv (for example insurance_rate).", valueName: "id"))
    var indicator: String

    @Option(help: "Level of the areas.")
    var level: RollupLevel = .province

    @Option(help: ArgumentHelp("Only the area with this division code.", valueName: "code"))
    var code: String?

    @Option(help: ArgumentHelp("Only the latest N dates.", valueName: "N"))
    var last: Int?

    @Flag(help: "Write CSV (one row per date and area) to standard output instead of a table.")
    var csv = false

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be 1 or more (got \(last))") }
        if let code, code.isEmpty || !code.allSatisfy(\.isASCIIDigit) {
            throw ValidationError("--code must be a division code of digits, such as 520102 (got '\(code)')")
        }
    }

    func run() throws {
        let warehouse = try WarehouseAccess.openForReading(path: options.warehouse, log: logLine)
        let history = try warehouse.history(indicator: indicator, level: level, code: code, last: last)
        print(csv ? HistoryView.csv(history) : HistoryView.text(history), terminator: "")
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
