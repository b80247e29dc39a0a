import Foundation
import Logging

/// The scan of the input folders, run on a thread of its own from the start of a run: the walk
/// only reads (and stats) the inputs, so it goes on beside the reading of the configuration,
/// the taking of the lock and the reading of the store's file states, and the survey waits for
/// it. On a large archive the walk and the store's reading take about as long as each other.
struct BackgroundScan: Sendable {
    private let task: BackgroundTask<InputScanner.Result>

    /// Starts scanning `roots`; says what it found in `logger` when done.
    init(_ scanner: InputScanner, roots: [URL], logger: Logger) {
        task = BackgroundTask {
            let scan = try scanner.scan(roots)
            logger.info("found \(scan.files.count) article files, \(scan.skipped.count) other files skipped")
            return scan
        }
    }

    /// The scan's result, once it is done (or the error it stopped with).
    func result() throws -> InputScanner.Result {
        try task.result()
    }
}
