import Foundation
import TestSupport
import Testing

/// What openpyxl — a reader independent of libxlsxwriter — finds in an .xlsx,
/// via `Tests/Outputs/workbook_facts.py`. openpyxl comes from
/// `.build/python-packages` (`make test` installs it there with pip).
struct WorkbookFacts {
    struct Cell {
        let type: String
        let value: Any
        let format: String
        let bold: Bool

        var number: Double? { type == "n" ? (value as? NSNumber)?.doubleValue : nil }
        var text: String? { type == "s" ? value as? String : nil }
    }

    struct Chart {
        let type: String
        let title: String?
        /// (name, values range, categories range, trend line type)
        let series: [(name: String?, values: String?, categories: String?, trendline: String?)]
    }

    struct Sheet {
        let name: String
        let cells: [String: Cell]
        let freeze: String?
        let autofilter: String?
        /// (range, formulas)
        let conditional: [(range: String, formulas: [String])]
        let orientation: String?
        let paper: String?
        let titleRows: String?
        let charts: [Chart]
    }

    let sheets: [Sheet]

    func sheet(_ name: String) throws -> Sheet { try #require(sheets.first { $0.name == name }, "no sheet \(name)") }

    init(file: URL) throws {
        let root = BottomlineProcess.repository
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/Outputs/workbook_facts.py").path, file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = root.appendingPathComponent(".build/python-packages").path
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "openpyxl could not read the workbook (run `make test` once to install openpyxl): \(errorText)")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        self.sheets = sheets.map { sheet in
            let cells = (sheet["cells"] as? [String: [String: Any]] ?? [:]).mapValues {
                Cell(
                    type: $0["type"] as? String ?? "", value: $0["value"] ?? NSNull(),
                    format: $0["format"] as? String ?? "",
                    bold: $0["bold"] as? Bool ?? false)
            }
            let rules = (sheet["conditional"] as? [[String: Any]] ?? []).map {
                (range: $0["range"] as? String ?? "", formulas: $0["formula"] as? [String] ?? [])
            }
            let charts = (sheet["charts"] as? [[String: Any]] ?? []).map { chart in
                Chart(
                    type: chart["type"] as? String ?? "", title: chart["title"] as? String,
                    series: (chart["series"] as? [[String: Any]] ?? []).map {
                        (
                            name: $0["name"] as? String, values: $0["values"] as? String,
                            categories: $0["categories"] as? String, trendline: $0["trendline"] as? String
                        )
                    })
            }
            return Sheet(
                name: sheet["name"] as? String ?? "", cells: cells, freeze: sheet["freeze"] as? String,
                autofilter: sheet["autofilter"] as? String, conditional: rules,
                orientation: sheet["orientation"] as? String, paper: (sheet["paper"]).map { "\($0)" },
                titleRows: sheet["titleRows"] as? String, charts: charts)
        }
    }
}
