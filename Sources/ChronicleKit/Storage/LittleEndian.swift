/// Fixed-width integers in stored forms, least significant byte first: the one place they are
/// written and read (`RecordBinary.Writer.uint64`/`Reader.uint64`, the checksums that end a
/// records blob and a stored chronology, the report outline's part lengths and digests).
enum LittleEndian {
    /// Appends the eight bytes of `value`.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The eight bytes of `value`.
    static func bytes(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return bytes
    }

    /// The value of the eight bytes at `offset` (the caller has checked they are there).
    static func uint64(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
