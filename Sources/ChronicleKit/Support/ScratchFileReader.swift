/// Reads spans of a scratch file that a loop takes in about the order they were written (a run's
/// records and summaries, in path order): a window of the file is read at once and the spans
/// inside it are copied from there, one `pread` for dozens of spans instead of one each.
///
/// For one thread; the file's written bytes never change, so a window never goes stale. A span
/// not yet written (still gathered in memory) or too large for the window is read as
/// `Span.bytes()` reads it, which is also what any span gives: the same bytes.
struct ScratchFileReader {
    private var file: ScratchFile?
    private var start: Int64 = 0
    private var window: [UInt8] = []
    private let size: Int

    init(windowSize: Int = 128 << 10) {
        size = windowSize
    }

    /// The bytes written at `span`.
    mutating func bytes(_ span: ScratchFile.Span) throws -> [UInt8] {
        try withBytes(span) { Array($0) }
    }

    /// `body` over the bytes written at `span`: in place in the window when they are in it.
    mutating func withBytes<T>(_ span: ScratchFile.Span, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        let inWindow = span.file === file && span.offset >= start && span.offset + Int64(span.count) <= start + Int64(window.count)
        if !inWindow {
            guard span.count <= size / 4, let read = try span.file.window(from: span.offset, atMost: size) else {
                return try span.bytes().withUnsafeBytes(body)
            }
            (file, start, window) = (span.file, span.offset, read)
        }
        let from = Int(span.offset - start)
        return try window.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[from..<(from + span.count)])) }
    }
}
