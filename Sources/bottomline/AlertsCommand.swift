import ArgumentParser
import Console
import Engine
import Nightly
import Reports
import Warehouse

/// `bottomline alerts`: the county alerts of a night.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Show the county alerts of a night (inclusion surges, outliers, returns, overdue clues).",
        discussion: """
            Reads the warehouse only. Without --date, the latest published night.
            Example: bottomline alerts --warehouse out/warehouse.sqlite --county 520102
            """
    )

    @OptionGroup var options: WarehouseOption

    @Option(help: ArgumentHelp("The night, YYYY-MM-DD (default: the latest published).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Only this county (6-digit code).", valueName: "code"))
    var county: String?

    @Flag(help: "Write alerts.csv's columns to standard output instead of a table.")
    var csv = false

    func run() throws {
        let warehouse = try WarehouseAccess.openForReading(path: options.warehouse, log: logLine)
        let (shown, alerts) = try warehouse.alerts(date: date, county: county)
        print(csv ? AlertsCSV.text(alerts) : AlertsView.text(alerts, night: shown, county: county), terminator: "")
    }
}
