import Foundation

/// The memory this process uses, for the benchmark and the run's phase log.
package enum ProcessMemory {
    /// Fixes glibc's mmap threshold at 256 KiB, for the executables to call at start-up (a
    /// library must not set it for its host). glibc raises it each time a large block is freed
    /// (up to 32 MiB), after which the chronology's megabyte chunks and growing arrays are carved
    /// from the heap between small long-lived allocations, and their space cannot be given back
    /// when they are freed: at a large archive that left ~70 MiB resident for nothing.
    package static func tuneAllocator() {
        #if os(Linux)
            // Looked up at run time: glibc has it, other C libraries (musl) may not.
            typealias Option = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
            _ = unsafeBitCast(symbol, to: Option.self)(mmapThreshold, 256 * 1024)
        #endif
    }

    /// Peak resident memory of this process so far, in bytes (`getrusage(RUSAGE_SELF).ru_maxrss`).
    package static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
            return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
            return Int(usage.ru_maxrss)  // bytes on macOS
        #endif
    }

    /// Resident memory of this process now, in bytes (Linux `/proc/self/statm`); nil elsewhere.
    static func residentBytes() -> Int? {
        #if os(Linux)
            guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
            let fields = text.split(separator: " ")
            guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
            return nil
        #endif
    }

    /// Gives memory freed by a finished phase back to the system. glibc keeps freed blocks in
    /// per-thread arenas; after the parallel extraction of a large archive they would otherwise
    /// stay resident under the phases that follow.
    static func releaseFreedMemory() {
        #if os(Linux)
            // Looked up at run time: glibc has it, other C libraries (musl) may not.
            typealias Trim = @convention(c) (Int) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
