import Foundation

/// The yardstick the job's time is judged against: one `cat | grep -c` pass over a corpus's
/// files, the least any program that reads them all must spend. The files are read once before,
/// so the pass (like the runs after it) reads them from the page cache.
enum GrepYardstick {
    /// A cue word every meeting article has.
    static let pattern = "hội nghị"

    static func seconds(over folder: URL) throws -> Double {
        _ = try shell("find \"$1\" -type f -print0 | xargs -0 cat > /dev/null", folder)
        let clock = ContinuousClock()
        let start = clock.now
        _ = try shell("find \"$1\" -type f -print0 | xargs -0 cat | grep -c \"$2\"", folder)
        return (clock.now - start).seconds
    }

    /// Runs `script` with `sh -c`, the folder and the pattern as `$1` and `$2`, in a UTF-8 C
    /// locale; grep's "no match" (status 1) is not a failure.
    private static func shell(_ script: String, _ folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", folder.path, pattern]
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus <= 1 else {
            throw BenchError.phaseFailed(phase: "cat | grep", status: process.terminationStatus)
        }
        return process.terminationStatus
    }
}
