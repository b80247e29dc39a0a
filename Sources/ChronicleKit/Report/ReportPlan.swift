import Foundation

/// Which report files a run writes: every file the configured formats produce, with its key
/// (`ReportKeys`); those whose key and file are as the last run left them are skipped.
struct ReportPlan: Sendable {
    /// Every report file of this run (path relative to the output folder) and its key, in
    /// writing order.
    private(set) var files: [(path: String, key: String)] = []
    private var keys: [String: String] = [:]
    private var stale: Set<String> = []

    /// Adds a file; it is to be written unless `previous` shows it unchanged on disk.
    mutating func add(_ path: String, key: String, previous: ReportManifest?, root: URL) {
        files.append((path, key))
        keys[path] = key
        if previous?.isCurrent(path, key: key, root: root) != true { stale.insert(path) }
    }

    /// Whether `path` must be (re)written in this run.
    func needs(_ path: String) -> Bool { stale.contains(path) }

    func key(_ path: String) -> String? { keys[path] }

    /// Files to write, in writing order.
    var toWrite: [String] { files.map(\.path).filter { stale.contains($0) } }
}
