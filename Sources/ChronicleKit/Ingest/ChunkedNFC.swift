import Foundation

/// NFC of a long text, a chunk at a time.
///
/// Foundation composes a whole string at once, and its cost grows faster than the text: 6.4 MB
/// of decomposed Vietnamese took almost a minute and hundreds of MB. Composition never reaches
/// across an ASCII character (no canonical pair ends with one, and none has a combining class),
/// so cutting just before an ASCII byte gives the same result in time linear in the text.
enum ChunkedNFC {
    /// Chunks end at the first ASCII byte after this many bytes (or run to the end of the text).
    static let chunkBytes = 16 * 1024

    static func normalized(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > chunkBytes else { return String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                var end = min(bytes.count, start + chunkBytes)
                while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
                let chunk = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if NoiseFilter.needsNormalization(chunk) {
                    out.append(contentsOf: chunk.precomposedStringWithCanonicalMapping.utf8)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                start = end
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
