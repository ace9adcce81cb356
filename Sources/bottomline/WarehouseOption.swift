import ArgumentParser
import Engine

/// The `--warehouse` option of the commands that read or write the SQLite warehouse.
struct WarehouseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite warehouse file.", valueName: "file"))
    var warehouse: String
}

extension RollupLevel: ExpressibleByArgument {}
