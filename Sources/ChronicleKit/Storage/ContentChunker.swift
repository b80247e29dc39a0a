/// Cuts a stream of bytes into pieces where its content says: a piece ends after a byte at which
/// a rolling hash of the bytes before it (a "gear" hash, which forgets a byte 64 bytes on) has
/// its top `maskBits` bits clear, but never before `minimum` bytes nor after `maximum`. The same
/// stretch of bytes is cut the same way wherever it sits, so bytes inserted into a stream (an
/// event added to a stored chronology) change only the pieces around them: stored by their
/// content, the others are found already there.
struct ContentChunker {
    /// Pieces are 2 KiB at least, 64 KiB at most, about 10 KiB on average.
    static let minimum = 2 << 10
    static let maximum = 64 << 10
    static let maskBits: UInt64 = 13

    /// One random number per byte value, the same in every run (SplitMix64 from a fixed seed):
    /// stored pieces are found again only if the cuts are.
    static let gear: [UInt64] = {
        var state: UInt64 = 0x6368_726f_6e69_636c
        return (0..<256).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }()

    private var piece: [UInt8] = []
    private var hash: UInt64 = 0

    init() {
        piece.reserveCapacity(Self.maximum)
    }

    /// Takes the next bytes of the stream; `emit` gets each piece they complete, in order.
    mutating func add(_ bytes: UnsafeRawBufferPointer, _ emit: ([UInt8]) throws -> Void) rethrows {
        guard var at = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let end = at + bytes.count
        let shift = 64 - Self.maskBits
        try Self.gear.withUnsafeBufferPointer { gear in
            while at < end {
                // The bytes that cannot end a piece are copied without hashing but the last 64,
                // whose hash is the one the first possible cut looks at.
                let before = Self.minimum - 64 - piece.count
                if before > 0 {
                    let take = min(before, end - at)
                    piece.append(contentsOf: UnsafeBufferPointer(start: at, count: take))
                    at += take
                    continue
                }
                // Hashed up to the cut (or the end of these bytes), then copied at once.
                let start = at, limit = min(end, at + (Self.maximum - piece.count))
                let first = at + max(0, Self.minimum - piece.count - 1)
                var cut = false
                while at < limit {
                    hash = (hash << 1) &+ gear[Int(at.pointee)]
                    at += 1
                    if at > first && hash >> shift == 0 {
                        cut = true
                        break
                    }
                }
                piece.append(contentsOf: UnsafeBufferPointer(start: start, count: at - start))
                if cut || piece.count >= Self.maximum {
                    try emit(piece)
                    piece.removeAll(keepingCapacity: true)
                    hash = 0
                }
            }
        }
    }

    /// Ends the stream: `emit` gets the last piece, if any bytes are left.
    mutating func finish(_ emit: ([UInt8]) throws -> Void) rethrows {
        if !piece.isEmpty { try emit(piece) }
        piece.removeAll(keepingCapacity: true)
        hash = 0
    }
}
