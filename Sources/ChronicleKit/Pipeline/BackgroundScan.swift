import Dispatch
import Foundation
import Logging

/// The scan of the input folders, run on a thread of its own from the start of a run: the walk
/// only reads (and stats) the inputs, so it goes on beside the reading of the configuration,
/// the taking of the lock and the reading of the store's file states, and the survey waits for
/// it. On a large archive the walk and the store's reading take about as long as each other.
final class BackgroundScan: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the scan's thread before `finished` is signalled, read only after.
    private var outcome: Result<InputScanner.Result, any Error>?

    /// Starts scanning `roots`; says what it found in `logger` when done.
    init(_ scanner: InputScanner, roots: [URL], logger: Logger) {
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = Result { try scanner.scan(roots) }
            if case .success(let scan) = outcome {
                logger.info("found \(scan.files.count) article files, \(scan.skipped.count) other files skipped")
            }
            self.outcome = outcome
            self.finished.signal()
        }
    }

    /// The scan's result, once it is done (or the error it stopped with).
    func result() throws -> InputScanner.Result {
        finished.wait()
        defer { finished.signal() }
        return try outcome!.get()
    }
}
