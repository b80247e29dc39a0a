import Foundation

/// Where the tests find the repository, their fixtures and the shared corpus. This file stays at
/// the root of the test target, so `#filePath` gives the target's folder whatever subfolder a
/// test lives in.
enum TestPaths {
    /// `Tests/ChronicleKitTests/`.
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The repository.
    static let root = tests.deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/ChronicleKitTests/Fixtures/`.
    static let fixtures = tests.appendingPathComponent("Fixtures")
}
