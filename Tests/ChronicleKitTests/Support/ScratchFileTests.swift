import Foundation
import Testing

@testable import ChronicleKit

/// The scratch file gathers small blobs before writing them: whatever was appended, from however
/// many threads, reads back as it was, pending or written, and a reader of the descriptor sees it all.
@Suite struct ScratchFileTests {
    private static func withSpool(_ body: (ScratchFile) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(try ScratchFile(directory: folder, name: "test"))
    }

    /// A blob of `count` bytes that says which it is.
    private static func blob(_ n: Int, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n &* 7) }
    }

    @Test func blobsReadBackPendingOrWritten() throws {
        try Self.withSpool { spool in
            var spans: [(ScratchFile.Span, [UInt8])] = []
            // Small blobs, pieces, an empty one, and one larger than a flush.
            for n in 0..<400 {
                let count = n == 7 ? 0 : n == 200 ? ScratchFile.flushSize + 5 : 500 + n * 13
                let bytes = Self.blob(n, count: count)
                let span =
                    n % 3 == 0
                    ? try spool.append(pieces: [Array(bytes.prefix(10)), Array(bytes.dropFirst(10))]) : try spool.append(bytes)
                spans.append((span, bytes))
                // The newest blob reads back before it is written.
                #expect(try span.bytes() == bytes)
            }
            for (span, bytes) in spans {
                #expect(try span.bytes() == bytes)
                #expect(span.count == bytes.count)
            }
            // Offsets follow one another: the file is the blobs in order.
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.0.offset + Int64(a.0.count) == b.0.offset) }
            let whole = try spool.withDescriptorAtStart { fd -> [UInt8] in
                var all: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if got <= 0 { break }
                    all += buffer[0..<got]
                }
                return all
            }
            #expect(whole == spans.flatMap(\.1))
        }
    }

    @Test func blobsAppendedFromSeveralThreadsReadBack() throws {
        try Self.withSpool { spool in
            let made = Array(0..<2000).parallelMap { n -> (ScratchFile.Span, Int)? in
                guard let span = try? spool.append(Self.blob(n, count: 100 + n % 900)) else { return nil }
                return (span, n)
            }
            for item in made {
                let (span, n) = try #require(item)
                #expect(try span.bytes() == Self.blob(n, count: 100 + n % 900))
            }
            let ends = made.compactMap { $0 }.map { $0.0.offset + Int64($0.0.count) }
            #expect(Set(made.compactMap { $0?.0.offset }).count == made.count)
            #expect(ends.max() == Int64(made.compactMap { $0?.0.count }.reduce(0, +)))
        }
    }

    /// The windowed reader gives what each span gives, read in order, backwards, at random,
    /// across two files, written or still pending, larger than its window or not.
    @Test func theWindowedReaderAgreesWithTheSpans() throws {
        try Self.withSpool { first in
            try Self.withSpool { second in
                var spans: [(ScratchFile.Span, [UInt8])] = []
                for n in 0..<600 {
                    let count = n % 97 == 0 ? 40_000 : 30 + (n * 37) % 2_000
                    let bytes = Self.blob(n, count: count)
                    spans.append((try (n % 5 == 0 ? second : first).append(bytes), bytes))
                }
                var rng = SeededGenerator(state: 11)
                for order in [Array(spans.indices), spans.indices.reversed(), spans.indices.shuffled(using: &rng)] {
                    var reader = ScratchFileReader(windowSize: 16 << 10)
                    for index in order { #expect(try reader.bytes(spans[index].0) == spans[index].1) }
                }
            }
        }
    }
}
