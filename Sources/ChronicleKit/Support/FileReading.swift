import Foundation

/// How article files are read: on more threads than cores, so that a thread waiting for the
/// disk leaves its core to another, with large files read by no more threads at once than the
/// cores (`Gate`). A cold run over 20,000 real-text files out of the page cache took 2.8 s in
/// its read-and-extract phase on one thread a core, against 1.1 s with the files cached.
package enum FileReading {
    /// Threads that read and extract article files (`parallelMap(threads:)`).
    package static var threads: Int { Swift.min(32, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// Files at least this large go through the gate.
    package static let largeFileBytes: Int64 = 1 << 20

    /// Lets as many large files be read at once as there are cores. Extracting a file holds
    /// several times its size (an article may be 10 MB); the threads beyond the cores are there
    /// to wait on the disk, not to multiply that.
    package final class Gate: Sendable {
        private let slots: DispatchSemaphore

        package init(slots: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.slots = DispatchSemaphore(value: Swift.max(1, slots))
        }

        /// `body`, once a slot is free when `size` (the file's size as listed) is large.
        package func reading<T>(size: Int64?, _ body: () -> T) -> T {
            guard let size, size >= FileReading.largeFileBytes else { return body() }
            slots.wait()
            defer { slots.signal() }
            return body()
        }
    }
}
