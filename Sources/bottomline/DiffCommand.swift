import ArgumentParser
import Console
import Nightly
import Reports
import Warehouse

/// `bottomline diff`: what changed between the published figures of two nights.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the published figures of two dates.",
        discussion: """
            Sections: targets newly missed and newly met (province, county groups, prefectures, counties, \
            resettlement sites; targets of the later \
            date's pipeline), the \(movers) counties that moved most for each indicator (change of the value for \
            rates, of the count for counts), and quarantine reasons (feed, reason) that appeared or vanished.
            Example: bottomline diff --warehouse out/warehouse.sqlite --from 2026-11-27 --to 2026-11-28
            """
    )

    /// Counties listed per indicator among the biggest movers.
    static let movers = 5

    @OptionGroup var options: WarehouseOption

    @Option(help: ArgumentHelp("The earlier date, YYYY-MM-DD.", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The later date, YYYY-MM-DD.", valueName: "date"))
    var to: String

    @Flag(help: "Write one long CSV table to standard output instead of the sections.")
    var csv = false

    func run() throws {
        let warehouse = try WarehouseAccess.openForReading(path: options.warehouse, log: logLine)
        let diff = try warehouse.diff(from: from, to: to, movers: Self.movers)
        print(csv ? DiffView.csv(diff) : DiffView.text(diff, movers: Self.movers), terminator: "")
    }
}
