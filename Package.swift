// swift-tools-version: 6.0
import PackageDescription

/// Bottomline: the nightly rural-revitalisation monitoring pipeline.
/// The target graph is the data flow: Ingest → Engine → {Warehouse, Reports} → Nightly (the night's
/// sequence and its publishing), the CLI on top.
let package = Package(
    name: "Bottomline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bottomline", targets: ["bottomline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "CPrefetch"),
        .target(name: "Ingest", dependencies: ["CPrefetch", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Engine", dependencies: ["Ingest", "Yams"]),
        // The household history, flows and county alerts: pure computation over the engine's household facts.
        .target(name: "EarlyWarning", dependencies: [
            "Engine", "Ingest", "CSHA256", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // SHA-256 one block at a time (SHA extensions when the processor has them), for the household key's HMAC.
        .target(name: "CSHA256"),
        .target(
            name: "Warehouse",
            dependencies: [
                "Engine", "Ingest", "EarlyWarning",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "CRenameExchange"),
        // Debian's libxlsxwriter-dev, installed by `make deps`.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "Reports", dependencies: [
            "Engine", "CXlsxWriter",
        ]),
        .target(name: "Nightly", dependencies: [
            "Ingest", "Engine", "EarlyWarning", "Warehouse", "Reports", "CRenameExchange",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // What the warehouse commands (history, diff, alerts, household) show: terminal tables and CSV.
        .target(name: "Console", dependencies: ["Engine", "Warehouse", "Reports"]),
        .target(name: "Synth", dependencies: ["Ingest"]),
        .executableTarget(
            name: "bottomline",
            dependencies: [
                "Ingest", "Engine", "EarlyWarning", "Warehouse", "Reports", "Nightly", "Console", "Synth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz target (fuzz/run.sh builds it with -sanitize=fuzzer; a plain build replays inputs).
        .executableTarget(name: "BottomlineFuzz", dependencies: ["Ingest", "Engine", "Reports"], path: "fuzz/Target"),
        .target(name: "TestSupport", dependencies: ["Ingest", "Engine", "Warehouse"], path: "Tests/TestSupport"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Ingest", "Reports", "Synth", "TestSupport"]),
        .testTarget(
            name: "WarehouseTests",
            dependencies: [
                "Warehouse", "EarlyWarning", "Engine", "Ingest", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "EarlyWarningTests", dependencies: [
            "EarlyWarning", "CSHA256", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Engine", "Ingest", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "Warehouse", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SynthTests", dependencies: ["Synth", "Ingest", "TestSupport"]),
    ]
)
