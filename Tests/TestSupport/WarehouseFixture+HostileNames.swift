import Warehouse

extension WarehouseFixture {
    /// Both nights of the fixture with `prefix` put before every county's name
    /// (for example a terminal escape sequence), published into a warehouse at `path`.
    public static func makeWarehouse(at path: String, countyNamePrefix prefix: String) throws {
        func renamed(_ counties: [County]) -> [County] {
            counties.map {
                County(code: $0.code, name: prefix + $0.name, prefecture: $0.prefecture, persons: $0.persons,
                       covered: $0.covered, insured: $0.insured, dropouts: $0.dropouts,
                       relocatedHouseholds: $0.relocatedHouseholds, employedLabour: $0.employedLabour)
            }
        }
        let warehouse = try Warehouse.open(path: path)
        for (date, night, quarantine) in [(firstDate, firstNight, firstQuarantine), (secondDate, secondNight, secondQuarantine)] {
            let run = try warehouse.beginRun(date: date, pipelineHash: "hash-1", toolVersion: "test", threads: 2)
            try warehouse.publish(runID: run, table: table(renamed(night)), inputs: inputs(quarantine), quarantine: quarantine)
        }
        try warehouse.close()
    }
}
