// swift-tools-version: 6.0
import PackageDescription

// Warnings are errors in the project's own targets (not in its dependencies).
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "Chronicle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chronicle", targets: ["chronicle"]),
        .library(name: "ChronicleKit", targets: ["ChronicleKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // Header only (`XXH_INLINE_ALL`): nothing to link, at build or at run time.
        .systemLibrary(
            name: "CXXHash",
            providers: [.apt(["libxxhash-dev"]), .brew(["xxhash"])]
        ),
        .target(
            name: "ChronicleKit",
            dependencies: [
                "CLibXML2",
                "CXXHash",
                "CXLSXWriter",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "chronicle",
            dependencies: [
                "ChronicleKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The synthetic corpus of the throughput benchmark; not a product: only `chronicle-bench`
        // and the tests use it, and it sees ChronicleKit's `package` declarations.
        .target(
            name: "ChronicleBenchSupport",
            dependencies: ["ChronicleKit"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "chronicle-bench",
            dependencies: [
                "ChronicleKit",
                "ChronicleBenchSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ChronicleKitTests",
            dependencies: ["ChronicleKit"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ChronicleBenchSupportTests",
            dependencies: ["ChronicleBenchSupport", "ChronicleKit"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
