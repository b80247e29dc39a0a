import Foundation

/// The text as normalized lines over one byte buffer.
struct LineBuffer {
    var bytes: [UInt8] = []
    var lines: [Range<Int>] = []
    /// Whether the input of `normalize` was well-formed UTF-8 (when it was not, `bytes` and
    /// `lines` mean nothing).
    private(set) var wellFormed = true

    /// Copies `input` line by line: CRLF/CR/U+2028/U+2029 become line ends; tabs, NBSP and every
    /// other Unicode space (`NoiseFilter.isClean`) become one space; runs of spaces collapse;
    /// control, zero-width, bidi and soft-hyphen characters go; lines are trimmed.
    ///
    /// Returns true when the input holds what `NoiseFilter.needsNormalization` flags (the same
    /// test, made on the way): then it may not be NFC.
    @discardableResult
    mutating func normalize(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines: [Range<Int>] = []
        var notNFC = false
        var malformed = false
        // Output is never longer than the input (every rewrite shortens or keeps a sequence).
        bytes = [UInt8](unsafeUninitializedCapacity: input.count) { out, written in
            var w = Self.copyLines(input, into: LineWriter(out: out))
            w.endLine()
            lines = w.lines
            notNFC = w.notNFC
            malformed = w.malformed
            written = w.o
        }
        self.lines = lines
        wellFormed = !malformed
        return notNFC
    }

    /// The loop of `normalize`: ASCII, spaces and letters inline, everything else in `rewrite`.
    private static func copyLines(_ input: UnsafeBufferPointer<UInt8>, into writer: LineWriter) -> LineWriter {
        var w = writer
        let out = w.out
        let n = input.count
        var i = 0
        while i < n {
            let b = input[i]
            if b >= 0x21 && b < 0x7F { out[w.o] = b; w.o &+= 1; i &+= 1; continue }
            // The commonest other sequences first: a space, Latin letters U+00C0–U+02FF
            // (never rewritten, always NFC) and Vietnamese letters U+1E00–U+1EFF.
            if b == 0x20 { w.space(); i &+= 1; continue }
            if b >= 0xC3 && b < 0xCC && i &+ 1 < n {
                let c = input[i &+ 1]
                if c & 0xC0 != 0x80 { w.malformed = true }
                out[w.o] = b; out[w.o &+ 1] = c; w.o &+= 2; i &+= 2
                continue
            }
            if b == 0xE1 && i &+ 2 < n {
                let c = input[i &+ 1], d = input[i &+ 2]
                if c < 0xB8 || c > 0xBB {
                    // U+1680, the one space among these letters.
                    if c == 0x9A && d == 0x80 { w.space(); i &+= 3; continue }
                    w.notNFC = true
                }
                if c & 0xC0 != 0x80 || d & 0xC0 != 0x80 { w.malformed = true }
                out[w.o] = b; out[w.o &+ 1] = c; out[w.o &+ 2] = d; w.o &+= 3; i &+= 3
                continue
            }
            rewrite(b, input, at: &i, into: &w)
        }
        return w
    }

    /// Line ends, other spaces, control and invisible characters, and any other sequence copied.
    @inline(__always) private static func rewrite(
        _ b: UInt8, _ input: UnsafeBufferPointer<UInt8>, at i: inout Int, into w: inout LineWriter
    ) {
        let n = input.count
        let out = w.out
        switch b {
        case 0x0A: w.endLine(); i += 1
        case 0x0D: w.endLine(); i += (i + 1 < n && input[i + 1] == 0x0A) ? 2 : 1
        case 0x20, 0x09, 0x0B, 0x0C: w.space(); i += 1
        case 0x00..<0x20, 0x7F: i += 1
        case 0xC2 where i + 1 < n:
            let c = input[i + 1]
            if c & 0xC0 != 0x80 { w.malformed = true }
            if c == 0xA0 {
                w.space()
            } else if !(c >= 0x80 && c <= 0x9F || c == 0xAD) {
                out[w.o] = b; out[w.o + 1] = c; w.o += 2
            }
            i += 2
        case 0xE2 where i + 2 < n && input[i + 1] == 0x80:
            let c = input[i + 2]
            if c & 0xC0 != 0x80 { w.malformed = true }
            // U+2000 and U+2001 are singletons (NFC maps them to U+2002, U+2003).
            if c < 0x82 { w.notNFC = true }
            switch c {
            case 0x80...0x8A, 0xAF: w.space()
            case 0x8B...0x8F, 0xAA...0xAE: break
            case 0xA8, 0xA9: w.endLine()
            default: out[w.o] = b; out[w.o + 1] = 0x80; out[w.o + 2] = c; w.o += 3
            }
            i += 3
        case 0xE2 where i + 2 < n && input[i + 1] == 0x81 && (input[i + 2] == 0x9F || input[i + 2] == 0xA0):
            if input[i + 2] == 0x9F { w.space() }
            i += 3
        case 0xE3 where i + 2 < n && input[i + 1] == 0x80 && input[i + 2] == 0x80: w.space(); i += 3
        case 0xEF where i + 2 < n && input[i + 1] == 0xBB && input[i + 2] == 0xBF: i += 3
        default:
            // As `NoiseFilter.needsNormalization`: Latin below U+0300, Vietnamese
            // letters U+1E00–U+1EFF, common punctuation, U+3000 and the BOM are NFC.
            if b >= 0xCC && !w.notNFC && !(i + 2 < n && NoiseFilter.isSurelyNFC(b, input[i + 1], input[i + 2])) {
                w.notNFC = true
            }
            if b >= 0x80, TextDecoder.wellFormedLength(input, at: i) == nil { w.malformed = true }
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let end = min(n, i + length)
            while i < end { out[w.o] = input[i]; w.o += 1; i += 1 }
        }
    }

    /// The bytes of the line up to its first space or "|".
    func firstWord(_ line: Range<Int>) -> [UInt8] {
        var end = line.lowerBound
        while end < line.upperBound, bytes[end] != 0x20, bytes[end] != UInt8(ascii: "|") { end += 1 }
        return Array(bytes[line.lowerBound..<end])
    }

    func hasLowercaseASCII(_ line: Range<Int>) -> Bool {
        bytes[line].contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    func string(_ line: Range<Int>) -> String { String(decoding: bytes[line], as: UTF8.self) }

    func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && bytes[a].elementsEqual(bytes[b])
    }

    func contains(_ line: Range<Int>, _ needle: [UInt8]) -> Bool { find(needle, in: line) != nil }

    /// Where `needle` first starts in `line`: the C library's `memchr` to each place its first
    /// byte is, `memcmp` there. Comparing byte by byte through the arrays' checked subscripts was
    /// 2% of a cold run (the layout token is looked for in every line).
    func find(_ needle: [UInt8], in line: Range<Int>) -> Int? {
        guard line.count >= needle.count, let first = needle.first else { return nil }
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { wanted in
                let base = haystack.baseAddress!
                var i = line.lowerBound
                let last = line.upperBound - wanted.count
                while i <= last {
                    guard let found = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    /// `find` by comparing bytes: the plain definition, for the test that they agree.
    func plainFind(_ needle: [UInt8], in line: Range<Int>) -> Int? {
        guard line.count >= needle.count, !needle.isEmpty else { return nil }
        return (line.lowerBound...(line.upperBound - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The line without any occurrence of `needle`, trimmed and with single spaces, appended
    /// to the buffer as a new range.
    mutating func removing(_ needle: [UInt8], from line: Range<Int>) -> Range<Int> {
        var rest = line
        var pieces: [Range<Int>] = []
        while let at = find(needle, in: rest) {
            pieces.append(rest.lowerBound..<at)
            rest = (at + needle.count)..<rest.upperBound
        }
        pieces.append(rest)
        let start = bytes.count
        for piece in pieces {
            for k in piece {
                let b = bytes[k]
                if b == 0x20 && (bytes.count == start || bytes[bytes.count - 1] == 0x20) { continue }
                bytes.append(b)
            }
            if bytes.count > start, bytes[bytes.count - 1] != 0x20 { bytes.append(0x20) }
        }
        while bytes.count > start, bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
        return start..<bytes.count
    }

    /// No ASCII letter or digit and nothing outside the punctuation block: "* * *", "---", "…".
    func isPunctuationOnly(_ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) { return false }
                i += 1
            } else if b == 0xE2 && i + 1 < line.upperBound && bytes[i + 1] == 0x80 {
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}

/// What `LineBuffer.normalize` has written: bytes, the lines ended so far, and whether the
/// input may not be NFC.
struct LineWriter {
    let out: UnsafeMutableBufferPointer<UInt8>
    var o = 0
    var lineStart = 0
    var lines: [Range<Int>] = []
    var notNFC = false
    /// Whether a byte sequence that is not well-formed UTF-8 was met.
    var malformed = false

    init(out: UnsafeMutableBufferPointer<UInt8>) {
        self.out = out
    }

    /// One space between words: none at a line start or after another.
    @inline(__always) mutating func space() {
        if o > lineStart, out[o - 1] != 0x20 { out[o] = 0x20; o += 1 }
    }

    /// Ends the line, without a final space.
    @inline(__always) mutating func endLine() {
        if o > lineStart, out[o - 1] == 0x20 { o -= 1 }
        lines.append(lineStart..<o)
        lineStart = o
    }
}
