import Foundation

/// The process-wide allocator setting of this executable (a library must not make it for its host).
enum AllocatorTuning {
    /// Fixes glibc's mmap threshold at 256 KiB. glibc raises it each time a large block is
    /// freed (up to 32 MiB), after which the chronology's megabyte chunks and growing arrays are
    /// carved from the heap between small long-lived allocations, and their space cannot be
    /// given back when they are freed: at a large archive that left ~70 MiB resident for nothing.
    static func apply() {
        #if os(Linux)
            // Looked up at run time: glibc has it, other C libraries (musl) may not.
            typealias Option = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
            _ = unsafeBitCast(symbol, to: Option.self)(mmapThreshold, 256 * 1024)
        #endif
    }
}
