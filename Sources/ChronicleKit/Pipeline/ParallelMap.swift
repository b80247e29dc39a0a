import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the input order; `transform` must be safe to call concurrently.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count < 64 { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let box = UnsafeSendableBuffer(buffer: results)
        let chunk = 32
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            let source = UnsafeSendableInput(buffer: input)
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                for i in start..<Swift.min(start + chunk, count) {
                    box.buffer[i] = transform(source.buffer[i])
                }
            }
        }
        return results.map { $0! }
    }
}

// Each index is written by exactly one iteration, so sharing the buffers is race-free.
private struct UnsafeSendableBuffer<T>: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<T?> }
private struct UnsafeSendableInput<T>: @unchecked Sendable { let buffer: UnsafeBufferPointer<T> }
