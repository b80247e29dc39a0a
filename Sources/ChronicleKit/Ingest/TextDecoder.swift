import Foundation

/// Turns the bytes of a plain-text article into a String: UTF-8 (with or without BOM) or UTF-16
/// with a BOM. Refuses binary data and invalid UTF-8 with the offending byte and its offset.
struct TextDecoder: Sendable {
    init() {}

    /// The text of `data`, or why it is not text (binary, invalid UTF-8 or UTF-16).
    func decode(_ data: Data) -> Result<String, IngestFailure> {
        data.withUnsafeBytes { raw -> Result<String, IngestFailure> in
            let bytes = raw.bindMemory(to: UInt8.self)
            return decode(bytes)
        }
    }

    /// The text of `bytes`, or why it is not text (binary, invalid UTF-8 or UTF-16).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, IngestFailure> {
        if let littleEndian = Self.utf16ByteOrder(bytes) { return Self.decodeUTF16(bytes, littleEndian: littleEndian) }
        let start = Self.byteOrderMarkLength(bytes)
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        if Self.looksBinary(body) { return .failure(.binary) }
        // The standard library validates fastest; the offset is only looked for on failure.
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        let bad = Self.firstInvalidUTF8(body) ?? 0
        return .failure(.invalidUTF8(byte: body[bad], offset: start + bad))
    }

    /// Whether `bytes` start with a UTF-16 byte order mark: true little-endian, false
    /// big-endian, nil without one.
    static func utf16ByteOrder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF, bytes[1] == 0xFE { return true }
        if bytes[0] == 0xFE, bytes[1] == 0xFF { return false }
        return nil
    }

    /// 3 when `bytes` start with a UTF-8 byte order mark, else 0.
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// NUL bytes (outside UTF-16) or a high share of control bytes mean the file is not text.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        if memchr(base, 0, bytes.count) != nil { return true }
        let sample = min(bytes.count, 8192)
        var controls = 0
        var i = 0
        while i < sample {
            // Eight bytes at a time: most words hold no byte below 0x20 and no 0x7F.
            if i + 8 <= sample {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let low = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                let x = w ^ 0x7F7F_7F7F_7F7F_7F7F
                let del = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if low | del == 0 {
                    i += 8
                    continue
                }
            }
            let end = min(i + 8, sample)
            while i < end {
                let b = bytes[i]
                if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D) || b == 0x7F { controls += 1 }
                i += 1
            }
        }
        return controls * 10 > sample
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = p.count
        var i = 0
        while i < n {
            // ASCII runs are the common case: skip them eight bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            guard let length = wellFormedLength(p, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence at `i` (Unicode's table 3-7: no overlong
    /// form, surrogate or value past U+10FFFF), or nil when none starts there.
    @inline(__always)
    static func wellFormedLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = p.count
        let b = p[i]
        if b < 0x80 { return 1 }
        var need = 0
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return nil
        }
        if i + need >= n { return nil }
        let second = p[i + 1]
        if second < lo || second > hi { return nil }
        if need >= 2, p[i + 2] & 0xC0 != 0x80 { return nil }
        if need == 3, p[i + 3] & 0xC0 != 0x80 { return nil }
        return need + 1
    }

    /// The text of `bytes` without a UTF-8 byte order mark when they are to be read as UTF-8
    /// and do not look binary (`decode` says why not, else); not yet checked to be well-formed.
    static func utf8Body(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        if utf16ByteOrder(bytes) != nil { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[byteOrderMarkLength(bytes)...])
        return looksBinary(body) ? nil : body
    }

    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> Result<String, IngestFailure> {
        let units = (bytes.count - 2) / 2
        var scalars = String.UnicodeScalarView()
        var controls = 0
        var i = 0
        func unit(_ k: Int) -> UInt16 {
            let a = UInt16(bytes[2 + 2 * k]), b = UInt16(bytes[3 + 2 * k])
            return littleEndian ? a | b << 8 : a << 8 | b
        }
        while i < units {
            let u = unit(i)
            let value: UInt32
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 1 < units else { return .failure(.invalidUTF16(offset: 2 + 2 * i)) }
                let low = unit(i + 1)
                guard low >= 0xDC00 && low <= 0xDFFF else { return .failure(.invalidUTF16(offset: 2 + 2 * i)) }
                value = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(low - 0xDC00)
                i += 2
            } else if u >= 0xDC00 && u <= 0xDFFF {
                return .failure(.invalidUTF16(offset: 2 + 2 * i))
            } else {
                value = UInt32(u)
                i += 1
            }
            if value == 0 || (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D) {
                controls += 1
            }
            scalars.append(Unicode.Scalar(value)!)
        }
        if controls * 10 > max(units, 1) || (units > 0 && controls > 0 && scalars.contains("\0")) { return .failure(.binary) }
        return .success(String(scalars))
    }
}
