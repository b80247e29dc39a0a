import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The 64-bit hash of a file's bytes (`FileHasher`, XXH3), stable across platforms and runs, as
/// sixteen hex digits in the store. It only tells "same content as last time" apart from
/// "changed"; it is not a security hash. `combined` and `empty` chain FNV-1a over other values
/// (the fingerprints of a config and of a chronology's inputs), not over files.
struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    var value: UInt64

    init(value: UInt64) { self.value = value }

    /// The hash of a file's bytes held in memory.
    init(bytes: [UInt8]) {
        value = bytes.withUnsafeBytes { FileHasher.hash($0) }
    }

    /// The hash of a file, read in chunks so a large file does not need to fit in memory;
    /// nil when the file cannot be opened or read.
    init?(fileAt path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let hasher = FileHasher()
        let size = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, size)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            hasher.add(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        value = hasher.value
    }

    /// The hash `description` gives; nil for text that is not sixteen hex digits.
    init?(hex: String) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// Sixteen lowercase hex digits, written at once (a night makes one per file of the archive).
    var description: String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index) & 15)
                buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }

    /// Continues the hash with more bytes (used to fingerprint several files in order).
    func combined<Bytes: Sequence>(with bytes: Bytes) -> ContentHash where Bytes.Element == UInt8 {
        ContentHash(value: FNV1a.hash(bytes, from: value))
    }

    /// The hash of nothing, to start a combined hash from.
    static let empty = ContentHash(value: FNV1a.offsetBasis)
}
