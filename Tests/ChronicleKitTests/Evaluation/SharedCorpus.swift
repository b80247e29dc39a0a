import Foundation

/// `../shared/corpus` beside the repository: third-party articles the project reads but never copies.
enum SharedCorpus {
    static let folder = TestPaths.root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    /// Whether the annotated development set is there; suites that need it are skipped otherwise.
    static let present = FileManager.default.fileExists(atPath: folder.appendingPathComponent("dev.jsonl").path)
}
