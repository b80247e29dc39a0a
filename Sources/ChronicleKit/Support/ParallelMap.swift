import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the input order; `transform` must be safe to call concurrently.
    /// `package`: the benchmark schedules its work the way the run does.
    /// - Parameter chunk: elements a thread takes at a time (smaller for longer work each).
    package func parallelMap<T: Sendable>(chunk: Int = 32, _ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count < 2 * chunk { return map(transform) }
        let chunks = (count + chunk - 1) / chunk
        // Each result is initialized in place in the new array's storage (not copied out of a
        // buffer of optionals, which would have to be deinitialized on its own).
        return [T](unsafeUninitializedCapacity: count) { results, initialized in
            let box = UnsafeSendableBuffer(base: results.baseAddress!)
            self.withUnsafeBufferPointer { input in
                let source = UnsafeSendableInput(buffer: input)
                DispatchQueue.concurrentPerform(iterations: chunks) { index in
                    let start = index * chunk
                    for i in start..<Swift.min(start + chunk, count) {
                        (box.base + i).initialize(to: transform(source.buffer[i]))
                    }
                }
            }
            initialized = count
        }
    }

    /// `parallelMap` on `threads` threads of its own (this one among them) instead of one per
    /// core, for work that waits on the disk: reading article files the page cache does not
    /// hold, where a core whose only thread waits would idle (`FileReading.threads`).
    package func parallelMap<T: Sendable>(chunk: Int = 32, threads: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count < 2 * chunk || threads < 2 { return parallelMap(chunk: chunk, transform) }
        let chunks = (count + chunk - 1) / chunk
        return [T](unsafeUninitializedCapacity: count) { results, initialized in
            let box = UnsafeSendableBuffer(base: results.baseAddress!)
            self.withUnsafeBufferPointer { input in
                let source = UnsafeSendableInput(buffer: input)
                let next = ChunkCounter()
                // The threads are lent `transform` by address: a thread may release its block
                // after this call returns, and must not be what holds `transform` then.
                withoutActuallyEscaping(transform) { transform in
                    withUnsafePointer(to: transform) { pointer in
                        let lent = UnsafeSendableTransform(pointer: pointer)
                        let work: @Sendable () -> Void = {
                            while let index = next.take(below: chunks) {
                                let start = index * chunk
                                for i in start..<Swift.min(start + chunk, count) {
                                    (box.base + i).initialize(to: lent.pointer.pointee(source.buffer[i]))
                                }
                            }
                        }
                        Self.run(work, on: Swift.min(threads, chunks))
                    }
                }
            }
            initialized = count
        }
    }

    /// Runs `work` on `count` threads, this one among them, until each returns.
    private static func run(_ work: @escaping @Sendable () -> Void, on count: Int) {
        let finished = DispatchGroup()
        for _ in 1..<count {
            finished.enter()
            let thread = Thread {
                work()
                finished.leave()
            }
            // As a dispatch worker's: the extraction's recursion was sized for it.
            thread.stackSize = 8 << 20
            thread.start()
        }
        work()
        finished.wait()
    }
}

/// The next chunk for whichever thread asks first.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    /// The next index below `limit`, or nil when all are taken.
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

// Each index is written by exactly one iteration, so sharing the buffers is race-free.
private struct UnsafeSendableBuffer<T>: @unchecked Sendable { let base: UnsafeMutablePointer<T> }
private struct UnsafeSendableInput<T>: @unchecked Sendable { let buffer: UnsafeBufferPointer<T> }
private struct UnsafeSendableTransform<Element, T>: @unchecked Sendable { let pointer: UnsafePointer<@Sendable (Element) -> T> }
