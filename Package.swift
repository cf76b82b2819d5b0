// swift-tools-version:6.0
import PackageDescription

// mimalloc (Debian's libmimalloc-dev) replaces glibc's malloc for the whole process: a build
// makes and frees millions of small strings on every core (docs/performance.md). Where the
// package is missing, DOCKET_SYSTEM_MALLOC=1 builds with glibc's malloc, about a tenth slower.
let allocator: [LinkerSetting] = Context.environment["DOCKET_SYSTEM_MALLOC"] == "1"
    ? [] : [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "docket",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The domain: JSON with source positions, the workspace model, validation, stats.
        .target(name: "DocketCore", dependencies: ["CMark"]),
        // docket's Mustache engine: templates compiled once, rendered without dynamic casts.
        .target(name: "DocketTemplates"),
        // The generated site: view models, templates, output files.
        .target(
            name: "DocketSite",
            dependencies: ["DocketCore", "DocketTemplates"],
            plugins: ["EmbedTheme"]
        ),
        // The shipped theme (templates/) compiled into the binary: an installed
        // docket is one file that needs no theme folder beside it.
        .executableTarget(name: "theme-embedder", path: "Sources/theme-embedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        // The command line: thin, one file per subcommand.
        .executableTarget(
            name: "docket",
            dependencies: [
                "DocketCore", "DocketSite", "DocketTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: allocator
        ),
        .testTarget(name: "DocketCoreTests", dependencies: ["DocketCore"]),
        .testTarget(name: "DocketTemplatesTests", dependencies: ["DocketTemplates"]),
        .testTarget(
            name: "DocketSiteTests",
            dependencies: ["DocketCore", "DocketSite", "DocketTemplates"]
        ),
        .testTarget(name: "DocketCLITests", dependencies: ["DocketCore"]),
        // Mutation fuzzing of every parser that reads input (short in `make test`, long in `make fuzz`).
        .testTarget(name: "DocketFuzzTests", dependencies: ["DocketCore", "DocketTemplates"]),
    ]
)
