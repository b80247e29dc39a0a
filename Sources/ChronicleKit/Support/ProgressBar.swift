import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress bar on stderr, drawn only when stderr is a terminal, so cron (whose
/// mail carries any output) sees nothing. Safe to advance from several threads.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw: UInt64 = 0

    /// - Parameter enabled: nil means "when stderr is a terminal".
    init(total: Int, label: String, enabled: Bool? = nil) {
        self.total = total
        self.label = label
        self.enabled = (enabled ?? (isatty(STDERR_FILENO) == 1)) && total > 0
    }

    func advance(by count: Int = 1) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += count
        let now = DispatchTime.now().uptimeNanoseconds
        // At most ten redraws a second: drawing must not cost more than the work it reports.
        if done < total && now - lastDraw < 100_000_000 { return }
        lastDraw = now
        draw()
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func draw() {
        let width = 30
        let filled = total == 0 ? width : min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
    }
}
