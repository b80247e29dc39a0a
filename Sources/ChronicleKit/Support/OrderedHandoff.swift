import Dispatch

/// Values made in order on another thread and taken in order on the caller's: a pipeline of two
/// stages, so that making the next values (decoding, merging) overlaps with using the last ones
/// (encoding them into a list that only one thread may grow).
///
/// At most `ahead` chunks are made before the caller has taken them, so what is held does not
/// grow with `count`.
enum OrderedHandoff {
    /// Calls `make(i)` for each `i` in `0..<count` on another thread, in order, and `take(i, value)`
    /// on this one, in order, a chunk of `chunk` values at a time. `make` runs on one thread only,
    /// so it may use state that is not safe to share, as long as `take` does not touch it.
    static func run<Value>(
        count: Int, chunk: Int = 32, ahead: Int = 8, make: (Int) -> Value, take: (Int, consuming Value) -> Void
    ) {
        guard count > chunk else {
            for index in 0..<count { take(index, make(index)) }
            return
        }
        let chunks = (count + chunk - 1) / chunk
        let ring = Ring<Value>(slots: ahead * chunk)
        let filled = DispatchSemaphore(value: 0), free = DispatchSemaphore(value: ahead)
        withoutActuallyEscaping(make) { make in
            // The other thread is lent `make` by address: its block may be released after this
            // call returns, and must not be what holds `make` then.
            withUnsafePointer(to: make) { pointer in
                let maker = UnsafeMaker(make: pointer)
                let done = DispatchSemaphore(value: 0)
                DispatchQueue.global(qos: .userInitiated).async {
                    for part in 0..<chunks {
                        free.wait()
                        for index in part * chunk..<min(count, (part + 1) * chunk) { ring.put(maker.make.pointee(index), at: index) }
                        filled.signal()
                    }
                    done.signal()
                }
                for part in 0..<chunks {
                    filled.wait()
                    for index in part * chunk..<min(count, (part + 1) * chunk) { take(index, ring.take(at: index)) }
                    free.signal()
                }
                done.wait()
            }
        }
    }

    /// The values between the two threads, in memory of their own (not an array, which both
    /// threads would be mutating): a slot is written by the maker and read by the taker, the
    /// semaphores ordering the two.
    private final class Ring<Value>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Value>
        private let count: Int

        init(slots count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
        }

        deinit { slots.deallocate() }

        func put(_ value: consuming Value, at index: Int) { (slots + index % count).initialize(to: value) }

        func take(at index: Int) -> Value { (slots + index % count).move() }
    }

    private struct UnsafeMaker<Value>: @unchecked Sendable {
        let make: UnsafePointer<(Int) -> Value>
    }
}
