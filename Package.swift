// swift-tools-version:6.1
import PackageDescription

// The pipeline is the layout: each stage is one target and depends only on the stages before it.
//
//   Content (files, front matter)  DataFiles (CSV, JSON, bench, SQL)  Markdown (cmark; Markup: escaping, slugs)
//        │                                  │                        │
//   ScenarioSyntax (lexer, parser) → Semantics (names, units) → Runtime (values, series, claims, formatting)
//                                                                    │
//                                                     Figures (SVG charts, MathML tables, sweeps, tornado)
//                                                                    │
//                        LivePage (one essay's live parts: blocks, scenario choice, inline values, claims,
//                                  their HTML, the rows `explain` prints) ← Markdown
//                                                                    │
//   Theme (Mustache) ─────────────→ Site (plan, assemble, write; BuildRecord: what the last build read and wrote)
//                                                                    │
//                                        DevServer (serve, watch, reload) → costmark (CLI)
//
// Diagnostics is shared by every stage; FileSupport (file stamps, folder listings, parallelMap) by
// every stage that touches files.
let package = Package(
    name: "costmark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "costmark", targets: ["costmark"]),
        .library(name: "Site", targets: ["Site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // SQLite, the system's (Debian's libsqlite3-dev): `sql()` over a page's tables and database files.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CAtomicSwap"),
        .target(name: "CMallocTuning"),
        .target(name: "Diagnostics"),
        .target(name: "Markup"),
        .target(name: "FileSupport"),
        .target(name: "Content", dependencies: ["Diagnostics", "FileSupport", .product(name: "Yams", package: "Yams"),
                                         .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "ScenarioSyntax", dependencies: ["Diagnostics"]),
        .target(name: "DataFiles", dependencies: ["Diagnostics", "CSQLite"]),
        .target(name: "Semantics", dependencies: ["Diagnostics", "FileSupport", "ScenarioSyntax", "DataFiles"]),
        .target(name: "Runtime", dependencies: ["Diagnostics", "ScenarioSyntax", "Semantics", "DataFiles"]),
        .target(name: "Figures", dependencies: ["Diagnostics", "Markup", "Content", "ScenarioSyntax", "Semantics", "Runtime", "DataFiles",
                                                .product(name: "Yams", package: "Yams")]),
        .target(name: "Markdown", dependencies: ["CCmark", "Markup", "ScenarioSyntax"]),
        .target(name: "Theme", dependencies: ["Diagnostics", "Markup", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "LivePage", dependencies: ["Diagnostics", "Markup", "DataFiles", "ScenarioSyntax", "Semantics", "Runtime",
                                                 "Figures", "Markdown"]),
        .target(name: "BuildRecord", dependencies: ["Diagnostics", "FileSupport", "Content", "CAtomicSwap"]),
        .target(name: "Site", dependencies: ["Diagnostics", "Markup", "FileSupport", "BuildRecord", "ScenarioSyntax", "Semantics",
                                             "Runtime", "Figures", "LivePage", "Content", "Markdown", "Theme", "DataFiles",
                                             .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "DevServer", dependencies: ["Site", "BuildRecord", "Content", "FileSupport", "Diagnostics", "Markup",
                                                  .product(name: "FlyingSocks", package: "FlyingFox")]),
        .executableTarget(name: "costmark", dependencies: ["Site", "LivePage", "Runtime", "Diagnostics", "DevServer", "CMallocTuning",
                                                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "scenario-bench", dependencies: ["Diagnostics", "ScenarioSyntax", "Semantics", "Runtime"]),
        .executableTarget(name: "data-bench", dependencies: ["Diagnostics", "DataFiles", "ScenarioSyntax", "Semantics", "Runtime"]),
        .executableTarget(name: "markdown-bench", dependencies: ["Markdown"]),
        // Fuzzing: the stages as functions of arbitrary bytes, a Swift mutation fuzzer for the smoke run
        // in `swift test`, and a libFuzzer driver (`make fuzz` builds it with -sanitize=fuzzer).
        .target(name: "FuzzTargets", dependencies: ["Diagnostics", "Content", "ScenarioSyntax", "Semantics", "Runtime", "Figures",
                                                    "Markdown", "Theme", "LivePage", "Site"]),
        .executableTarget(name: "costmark-fuzz", dependencies: ["FuzzTargets"],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .testTarget(name: "CostmarkTests", dependencies: ["Diagnostics", "Markup", "Content", "ScenarioSyntax", "Semantics", "Runtime", "Figures", "DevServer",
                                                        "DataFiles", "Markdown", "Theme", "LivePage", "Site", "FuzzTargets",
                                                        "FileSupport", "BuildRecord"],
                    path: "Tests/CostmarkTests", exclude: ["Golden"]),
    ]
)
