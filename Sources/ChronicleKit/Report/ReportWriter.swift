import Foundation

/// Writes every configured report format into the output folder, each file atomically.
public struct ReportWriter: Sendable {
    public let config: ChronicleConfig

    public init(config: ChronicleConfig) {
        self.config = config
    }

    /// Writes the reports and returns the files written.
    @discardableResult
    public func write(_ input: ReportInput) throws -> [URL] {
        // TEMPORARY (report work in progress): a plain list.
        var lines = ["# Chronology", ""]
        for item in input.chronology.events {
            lines.append("- \(item.event.date.value?.description ?? "?") \(item.event.unit.name) \(item.event.kind.rawValue)")
        }
        let url = config.output.appendingPathComponent("chronology.md")
        try AtomicFileWriter.write(lines.joined(separator: "\n") + "\n", to: url)
        return [url]
    }
}
