// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingKit", targets: ["BriefingKit"]),
        // Fuzz targets (Fuzz/README.md): built by `make fuzz` with libFuzzer and ASan; elsewhere a replayer.
        .executable(name: "briefing-fuzz", targets: ["briefing-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        .target(
            name: "BriefingKit",
            dependencies: [
                "CXLSXWriter",
                "CLibCrypto",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Export/Schemas"]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "BriefingFuzzHarness",
            dependencies: ["BriefingKit"]
        ),
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "briefing-fuzz",
            dependencies: ["BriefingFuzzHarness", "CFuzzerDriver"]
        ),
        .testTarget(
            name: "BriefingKitTests",
            dependencies: ["BriefingKit", "BriefingFuzzHarness"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
