import Foundation
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// kill -9 the real binary at several moments of a run: the reports present must be complete
/// (byte-equal to the previous run's or to the finished new run's), and the next run must succeed.
@Suite(.serialized) struct PipelineKillTests {
    private func article(_ index: Int) -> String {
        let units = ["Quân đoàn 1", "Quân đoàn 2", "Tổng cục Kỹ thuật", "Sư đoàn \(300 + index % 40)"]
        let day = 1 + index % 28, month = 1 + index % 12, year = 2022 + index % 2
        return """
            Sáng \(day)-\(month), Đảng ủy \(units[index % units.count]) tổ chức hội nghị sơ kết công tác đảng, \
            công tác chính trị năm \(year). Bài số \(index) <b>&amp;</b> "trích dẫn", =SUM(A1).
            """
    }

    /// Thousands of small files, written without per-file folder checks.
    private func writeBatch(_ box: Sandbox, _ folder: String, _ range: Range<Int>) throws {
        let directory = box.articles.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in range {
            let path = directory.appendingPathComponent(String(format: "%05d.txt", index)).path
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(fd >= 0, "cannot create \(path)")
            let bytes = Array(article(index).utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }

    private func snapshot(_ box: Sandbox) throws -> [String: Data] {
        try box.reports()
    }

    @Test func killedRunsLeaveCompleteReportsAndTheNextRunSucceeds() throws {
        let box = try Sandbox()
        try writeBatch(box, "batch1", 0..<2000)
        let arguments = ["run", "--config", box.configFile.path, "--as-of", "2024-01-15"]

        // A kill during the very first run leaves either no report or a complete one.
        let early = try ChronicleBinary.start(arguments, in: box.root)
        usleep(30_000)
        kill(early.processIdentifier, SIGKILL)
        early.waitUntilExit()

        let first = try ChronicleBinary.run(arguments, in: box.root)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try snapshot(box)
        #expect(!before.isEmpty)

        // More articles arrive; each killed run must leave old-or-new complete files.
        try writeBatch(box, "batch2", 2000..<3000)
        var observed: [[String: Data]] = []
        var elapsed: [Double] = []
        for delay in [0.01, 0.05, 0.15, 0.3, 0.5, 0.8] {
            let start = Date()
            let process = try ChronicleBinary.start(arguments, in: box.root)
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            elapsed.append(Date().timeIntervalSince(start))
            observed.append(try snapshot(box))
        }

        let last = try ChronicleBinary.run(arguments, in: box.root)
        #expect(last.status == 0, "the run after a kill completes: \(last.stderr)")
        let after = try snapshot(box)
        #expect(Set(after.keys).isSuperset(of: before.keys))
        for (attempt, files) in observed.enumerated() {
            #expect(Set(files.keys) == Set(before.keys) || Set(files.keys) == Set(after.keys))
            for (name, bytes) in files {
                #expect(
                    bytes == before[name] || bytes == after[name],
                    "attempt \(attempt): \(name) is neither the old nor the new complete report")
            }
        }
        // No temporary files survive a completed run, and the store is consistent.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.output.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        let runs = try box.store().runs()
        #expect(runs.last?.reportsWritten == true)
        #expect(runs.last?.files == 3000)
        #expect(try box.store().articles().count == 3000)
        let again = try ChronicleBinary.run(arguments + ["--verbose"], in: box.root)
        #expect(again.status == 0 && again.stderr.contains("3000 articles unchanged, 0 extracted"))
    }
}
