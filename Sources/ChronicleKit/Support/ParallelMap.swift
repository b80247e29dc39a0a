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
}

// Each index is written by exactly one iteration, so sharing the buffers is race-free.
private struct UnsafeSendableBuffer<T>: @unchecked Sendable { let base: UnsafeMutablePointer<T> }
private struct UnsafeSendableInput<T>: @unchecked Sendable { let buffer: UnsafeBufferPointer<T> }
