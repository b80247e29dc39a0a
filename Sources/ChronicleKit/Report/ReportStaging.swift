import Foundation

/// The files of one report run, written to temporary files first and renamed into place only
/// when every format has been written (and the XML validated): a failure anywhere leaves the old
/// reports as they were and no temporary files behind.
final class ReportStaging {
    let root: URL
    private(set) var sinks: [AtomicFileSink] = []

    init(root: URL) {
        self.root = root
    }

    /// Opens a temporary file for `relativePath` under the output folder.
    func open(_ relativePath: String) throws -> AtomicFileSink {
        let sink = try AtomicFileSink(url: root.appendingPathComponent(relativePath))
        sinks.append(sink)
        return sink
    }

    /// Flushes every file to disk, then renames them all into place; returns the targets in the
    /// order they were opened.
    func commit() throws -> [URL] {
        for sink in sinks { try sink.finish() }
        for sink in sinks { try sink.commit() }
        return sinks.map(\.url)
    }

    /// Removes every temporary file not yet committed.
    func discard() {
        for sink in sinks { sink.discard() }
    }
}
