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
        if span.file === file, span.offset >= start, span.offset + Int64(span.count) <= start + Int64(window.count) {
            let from = Int(span.offset - start)
            return Array(window[from..<(from + span.count)])
        }
        guard span.count <= size / 4, let read = try span.file.window(from: span.offset, atMost: size) else { return try span.bytes() }
        (file, start, window) = (span.file, span.offset, read)
        return Array(window[0..<span.count])
    }
}
