import ArgumentParser

/// The `bottomline` command: a thin layer that wires the stages together.
@main
struct Bottomline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bottomline",
        abstract: "Nightly rural-revitalisation monitoring: ingest the feeds, compute the indicators, publish the figures.",
        subcommands: [CheckCommand.self, RunCommand.self, GenerateCommand.self, HistoryCommand.self, DiffCommand.self]
    )
}
