import Dispatch

/// Work run on a thread of its own while the caller goes on; `result()` waits for it (and may
/// be called again, from any thread, for the same result).
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the task's thread before `finished` is signalled, read only after.
    private var outcome: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.outcome = Result { try work() }
            self.finished.signal()
        }
    }

    /// The work's value once it is done, or the error it stopped with.
    func result() throws -> Value {
        finished.wait()
        defer { finished.signal() }
        return try outcome!.get()
    }
}

/// A value handed to another thread once: the receiver takes it, and this box no longer holds
/// it (a large value is then freed as soon as the receiver is done with it).
final class Handoff<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    /// The value; called once.
    func take() -> Value {
        defer { value = nil }
        return value!
    }
}
