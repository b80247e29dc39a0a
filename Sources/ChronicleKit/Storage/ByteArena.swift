/// Bytes appended in chunks of about a megabyte and addressed by position; what is written
/// never moves.
///
/// A growing array doubles and copies itself as it grows: for the strings and event bodies of a
/// large chronology (tens of megabytes) the unused half and the copy both counted against the
/// run's peak memory. A chunk is allocated once at its full size and only filled.
struct ByteArena: Sendable {
    /// Bytes of a new chunk (more for a single longer piece).
    static let chunkSize = 1 << 20
    /// An address is `chunk << chunkShift | offset in the chunk`.
    static let chunkShift = 40

    private(set) var chunks: [[UInt8]] = []
    /// Bytes in all chunks.
    private(set) var count = 0

    init() {}

    /// Appends `bytes` in one piece (never split between chunks); returns its address.
    @discardableResult
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Int {
        if chunks.isEmpty || chunks[chunks.count - 1].count + bytes.count > chunks[chunks.count - 1].capacity {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(Swift.max(Self.chunkSize, bytes.count))
            chunks.append(chunk)
        }
        let index = chunks.count - 1
        let offset = chunks[index].count
        chunks[index].append(contentsOf: bytes)
        count += bytes.count
        return index << Self.chunkShift | offset
    }

    mutating func append(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { append($0) }
    }

    static func chunk(of address: Int) -> Int { address >> chunkShift }

    static func offset(of address: Int) -> Int { address & ((1 << chunkShift) - 1) }

    /// Calls `body` with the `count` bytes at `address`.
    func withBytes<T>(at address: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let offset = Self.offset(of: address)
        return try chunks[Self.chunk(of: address)].withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)]))
        }
    }

    /// Calls `body` with each chunk's bytes in order: all pieces, in the order they were appended.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        for chunk in chunks { try chunk.withUnsafeBytes(body) }
    }
}
