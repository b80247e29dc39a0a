import Foundation

/// Per-scalar tables for folding Vietnamese text: lowercase, dash variants, and old/new
/// tone-mark placement ("uỷ"/"ủy", "hoá"/"hóa"), built once per process.
struct FoldTables: Sendable {
    static let shared = FoldTables()

    enum Class: UInt8 { case other = 0, letter, digit, space, newline, dash }

    /// Folded (lowercase) form of scalars below 0x2000.
    let lower: [UInt32]
    let classes: [UInt8]
    /// Toned vowel (lowercase) → base vowel and tone mark, for the vowels whose tone may move.
    let toneOf: [UInt32: UInt64]
    /// (vowel << 32 | tone) → composed scalar.
    let compose: [UInt64: UInt32]
    /// For toned a/e/y below 0x2000: base vowel | tone index << 8 (1…5), else 0.
    let toneTable: [UInt16]
    /// Toned "o" and "u" by tone index: [o+t1…o+t5, u+t1…u+t5].
    let toneOU: [UInt32]
    /// For scalars below 0x2000: folded value (bits 0–20), class (bits 24–26), uppercase letter (bit 28).
    let packed: [UInt32]
    /// The same for the scalars Vietnamese text uses (U+0000–U+024F, then U+1E00–U+1EFF at
    /// 0x250…): folded value (13 bits) | class << 13, small enough to stay in the L1 cache.
    let compact: [UInt16]
    /// Lowercase ASCII letter or digit a scalar below 0x2000 reduces to ("ộ" → "o", "Đ" → "d"), or 0.
    let asciiBase: [UInt8]

    private init() {
        let (lower, classes) = Self.lowerAndClasses()
        self.lower = lower
        self.classes = classes
        packed = Self.packed(lower: lower, classes: classes)
        compact = Self.compact(lower: lower, classes: classes)
        asciiBase = Self.asciiBase()
        let (toneOf, compose) = Self.toneMarks()
        self.toneOf = toneOf
        self.compose = compose
        (toneTable, toneOU) = Self.toneTables(toneOf)
    }

    /// The tone marks, in the order of the tone indices (1…5).
    private static let tones: [UInt32] = [0x300, 0x301, 0x303, 0x309, 0x323]

    private static func lowerAndClasses() -> (lower: [UInt32], classes: [UInt8]) {
        var lower = [UInt32](repeating: 0, count: 0x2000)
        var classes = [UInt8](repeating: 0, count: 0x2000)
        for value in 0..<0x2000 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            var folded = UInt32(value)
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            if mapping.count == 1, let first = mapping.first { folded = first.value }
            lower[value] = folded
            let cls: Class
            switch value {
            case 0x30...0x39: cls = .digit
            case 0x0A: cls = .newline
            case 0x09, 0x0D, 0x20, 0xA0: cls = .space
            case 0x2D: cls = .dash
            default: cls = scalar.properties.isAlphabetic ? .letter : .other
            }
            classes[value] = cls.rawValue
        }
        return (lower, classes)
    }

    private static func packed(lower: [UInt32], classes: [UInt8]) -> [UInt32] {
        var packed = [UInt32](repeating: 0, count: 0x2000)
        for value in 0..<0x2000 {
            let isUpper: UInt32 = lower[value] != UInt32(value) && classes[value] == Class.letter.rawValue ? 1 : 0
            packed[value] = lower[value] | UInt32(classes[value]) << 24 | isUpper << 28
        }
        return packed
    }

    private static func compact(lower: [UInt32], classes: [UInt8]) -> [UInt16] {
        var compact = [UInt16](repeating: 0, count: 0x350)
        for slot in 0..<0x350 {
            let value = slot < 0x250 ? slot : 0x1E00 + slot - 0x250
            compact[slot] = UInt16(lower[value] & 0x1FFF) | UInt16(classes[value]) << 13
        }
        return compact
    }

    /// The scalars below 0x2000 whose canonical decomposition may start with an ASCII letter or
    /// digit: ASCII itself, the Latin letters with marks (Latin-1 to Latin Extended-B, Latin
    /// Extended Additional) and the Greek and combining blocks between, which decompose to
    /// other scalars. Decomposing every scalar below 0x2000 through Foundation took some 13 ms
    /// of every run's start; a test checks that these ranges give the same table.
    static let decomposableRanges: [Range<Int>] = [0..<0x80, 0xC0..<0x250, 0x300..<0x400, 0x1E00..<0x2000]

    static func asciiBase(over ranges: [Range<Int>] = decomposableRanges) -> [UInt8] {
        var asciiBase = [UInt8](repeating: 0, count: 0x2000)
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            if value == 0x110 || value == 0x111 { asciiBase[value] = 0x64; continue }
            guard let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first, first.value < 0x80 else { continue }
            let v = UInt8(first.value)
            switch v {
            case 0x30...0x39, 0x61...0x7A: asciiBase[value] = v
            case 0x41...0x5A: asciiBase[value] = v + 32
            default: break
            }
        }
        return asciiBase
    }

    /// `toneOf` and `compose`: the toned forms of a, e, y, o and u.
    private static func toneMarks() -> (toneOf: [UInt32: UInt64], compose: [UInt64: UInt32]) {
        var toneOf: [UInt32: UInt64] = [:]
        var compose: [UInt64: UInt32] = [:]
        for base in ["a", "e", "y", "o", "u"] {
            let baseValue = base.unicodeScalars.first!.value
            for tone in tones {
                let composed = (base + String(Unicode.Scalar(tone)!)).precomposedStringWithCanonicalMapping.unicodeScalars
                guard composed.count == 1, let c = composed.first?.value else { continue }
                toneOf[c] = UInt64(baseValue) << 32 | UInt64(tone)
                compose[UInt64(baseValue) << 32 | UInt64(tone)] = c
            }
        }
        return (toneOf, compose)
    }

    private static func toneTables(_ toneOf: [UInt32: UInt64]) -> (toneTable: [UInt16], toneOU: [UInt32]) {
        var toneTable = [UInt16](repeating: 0, count: 0x2000)
        var toneOU = [UInt32](repeating: 0, count: 10)
        for (scalar, pair) in toneOf {
            let base = UInt32(truncatingIfNeeded: pair >> 32)
            let tone = UInt32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            guard let t = tones.firstIndex(of: tone) else { continue }
            if base == 0x61 || base == 0x65 || base == 0x79, scalar < 0x2000 { toneTable[Int(scalar)] = UInt16(base) | UInt16(t + 1) << 8 }
            if base == 0x6F { toneOU[t] = scalar }
            if base == 0x75 { toneOU[5 + t] = scalar }
        }
        return (toneTable, toneOU)
    }

    @inline(__always) func fold(_ value: UInt32) -> UInt32 {
        if value < 0x2000 { return lower[Int(value)] }
        switch value {
        case 0x2010...0x2015, 0x2212: return 0x2D
        case 0x2018, 0x2019: return 0x27
        case 0x201C, 0x201D: return 0x22
        default: return value
        }
    }

    @inline(__always) func classOf(_ value: UInt32) -> Class {
        if value < 0x2000 { return Class(rawValue: classes[Int(value)]) ?? .other }
        switch value {
        case 0x2010...0x2015, 0x2212: return .dash
        case 0x2000...0x200B, 0x202F, 0x3000: return .space
        case 0x2028, 0x2029: return .newline
        default: return .other
        }
    }
}

/// An article's text folded once for matching: NFC, lowercase, one tone placement, dashes as
/// "-" without surrounding spaces, runs of spaces as one. Every folded scalar remembers the
/// original scalar it came from, so evidence is quoted from the article as written.
struct FoldedText {
    /// The article text in NFC, as UTF-8 bytes.
    let original: [UInt8]
    /// Folded scalars.
    let scalars: [UInt32]
    /// For each folded scalar, the offset in `original` of the scalar it came from.
    let origin: [Int32]
    /// Whether the original scalar was an uppercase letter.
    let upper: [Bool]

    init(_ text: String) {
        self.init(nfc: Self.nfcBytes(text))
    }

    /// The text of well-formed UTF-8 bytes (an article's `utf8`), normalized first only when
    /// it has combining marks (`nfcBytes`).
    init(utf8: [UInt8]) {
        let hasMarks = utf8.withUnsafeBufferPointer { Self.hasCombiningMarks($0) }
        self.init(nfc: hasMarks ? Self.nfcBytes(String(decoding: utf8, as: UTF8.self)) : utf8)
    }

    private init(nfc original: [UInt8]) {
        self.original = original
        let tables = FoldTables.shared
        // Scratch buffers sized for the worst case; the arrays are copied from them at the end.
        let scratch = FoldWriter(capacity: max(original.count, 1))
        defer { scratch.deallocate() }
        let k = original.withUnsafeBufferPointer { bytes in
            tables.compact.withUnsafeBufferPointer { packed in Self.fold(bytes, packed: packed, tables: tables, into: scratch) }
        }
        self.scalars = Self.copy(scratch.out, k)
        self.origin = Self.copy(scratch.from, k)
        self.upper = Self.copy(scratch.caps, k)
    }

    /// The text in NFC as UTF-8 bytes. Combining marks U+0300–U+036F are encoded as 0xCC 0x80 …
    /// 0xCD 0xAF in UTF-8: text without them is already NFC for Vietnamese, and the costly
    /// normalization is skipped.
    private static func nfcBytes(_ text: String) -> [UInt8] {
        var source = text
        var nfc = source.withUTF8(hasCombiningMarks) ? ChunkedNFC.normalized(text) : source
        return nfc.withUTF8 { Array($0) }
    }

    /// Whether UTF-8 `bytes` may hold a combining mark (a lead byte 0xCC or 0xCD).
    private static func hasCombiningMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0xCC, bytes.count) != nil || memchr(base, 0xCD, bytes.count) != nil
    }

    /// Folds the UTF-8 `bytes` into `scratch`'s buffers and returns how many scalars it wrote.
    /// Everything mutable is local here: a variable captured by a closure and mutated would be
    /// boxed and checked for exclusive access on every use.
    private static func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, packed: UnsafeBufferPointer<UInt16>, tables: FoldTables,
        into scratch: FoldWriter
    ) -> Int {
        let toneTable = tables.toneTable
        let toneOU = tables.toneOU
        var w = scratch
        let n = bytes.count
        var i = 0
        while i < n {
            let start = i
            let b0 = UInt32(bytes[i])
            // Fast path for the commonest bytes: lowercase ASCII letters fold to
            // themselves (never a tone to move), and plain spaces.
            if b0 &- 0x61 < 26 {
                w.skipSpaces = false
                w.append(b0, from: start, upper: false)
                i &+= 1
                continue
            }
            if b0 == 0x20 {
                i &+= 1
                w.space(from: start)
                continue
            }
            let value = decodeScalar(bytes, b0, at: &i)
            let (folded, cls, isUpper) = lookUp(value, packed: packed, tables: tables)
            switch cls {
            case .space: w.space(from: start)
            case .newline: w.newline(from: start)
            case .dash: w.dash(from: start)
            default: w.character(folded, from: start, upper: isUpper, toneTable: toneTable, toneOU: toneOU)
            }
        }
        w.trimEnd()
        return w.k
    }

    /// Decodes the scalar whose first byte `b0` is at `i` and moves `i` past it (valid UTF-8:
    /// it comes from a String, so no sequence is cut short).
    @inline(__always) private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ b0: UInt32, at i: inout Int) -> UInt32 {
        let value: UInt32
        if b0 < 0x80 {
            value = b0; i &+= 1
        } else if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1]) & 0x3F; i &+= 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | (UInt32(bytes[i &+ 1]) & 0x3F) << 6 | UInt32(bytes[i &+ 2]) & 0x3F; i &+= 3
        } else {
            value =
                (b0 & 0x07) << 18 | (UInt32(bytes[i &+ 1]) & 0x3F) << 12
                | (UInt32(bytes[i &+ 2]) & 0x3F) << 6 | UInt32(bytes[i &+ 3]) & 0x3F;
            i &+= 4
        }
        return value
    }

    /// The folded value, class and case of a scalar: from the compact table for the scalars
    /// Vietnamese text uses, else from the full tables.
    @inline(__always) private static func lookUp(_ value: UInt32, packed: UnsafeBufferPointer<UInt16>, tables: FoldTables)
        -> (folded: UInt32, cls: FoldTables.Class, isUpper: Bool)
    {
        let slot = value < 0x250 ? Int(value) : value &- 0x1E00 < 0x100 ? Int(value) - 0x1E00 + 0x250 : -1
        if slot >= 0 {
            let p = packed[slot]
            let folded = UInt32(p & 0x1FFF)
            let cls = FoldTables.Class(rawValue: UInt8(truncatingIfNeeded: p >> 13)) ?? .other
            return (folded, cls, folded != value && cls == .letter)
        }
        let cls = tables.classOf(value)
        let folded = tables.fold(value)
        return (folded, cls, folded != value && cls == .letter)
    }

    /// The first `count` elements as an array, in one `memcpy`.
    @inline(__always) private static func copy<T>(_ buffer: UnsafeMutableBufferPointer<T>, _ count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { target, written in
            if count > 0 { target.baseAddress!.initialize(from: buffer.baseAddress!, count: count) }
            written = count
        }
    }

    /// The original text covering folded scalars `from..<to`, trimmed.
    func originalText(from: Int, to: Int) -> String {
        guard from < to, to <= scalars.count else { return "" }
        var start = Int(origin[from])
        let last = Int(origin[to - 1])
        let lead = original[last]
        var end = last + (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
        end = min(end, original.count)
        while start < end {
            let b = original[start]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                start += 1
            } else if b == 0xC2, start + 1 < end, original[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let b = original[end - 1]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                end -= 1
            } else if b == 0xA0, end - 2 >= start, original[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return String(decoding: original[start..<end], as: UTF8.self)
    }

    /// Folds a short text (a phrase from the config) the same way.
    static func fold(_ text: String) -> [UInt32] { FoldedText(text).scalars }
}

/// The folded scalars of `FoldedText` being written into scratch buffers sized for the worst
/// case, with what the next scalar needs: the count so far, and whether spaces are skipped
/// (after a dash: dashes are written without surrounding spaces).
private struct FoldWriter {
    let out: UnsafeMutableBufferPointer<UInt32>
    let from: UnsafeMutableBufferPointer<Int32>
    let caps: UnsafeMutableBufferPointer<Bool>
    var k = 0
    var skipSpaces = false

    init(capacity: Int) {
        out = .allocate(capacity: capacity)
        from = .allocate(capacity: capacity)
        caps = .allocate(capacity: capacity)
    }

    func deallocate() {
        out.deallocate()
        from.deallocate()
        caps.deallocate()
    }

    @inline(__always) mutating func append(_ value: UInt32, from offset: Int, upper: Bool) {
        out[k] = value; from[k] = Int32(truncatingIfNeeded: offset); caps[k] = upper; k &+= 1
    }

    /// One space, never first, after a dash or after another space or a line end.
    @inline(__always) mutating func space(from offset: Int) {
        if skipSpaces || k == 0 || out[k &- 1] == 0x20 || out[k &- 1] == 0x0A { return }
        append(0x20, from: offset, upper: false)
    }

    /// A line end, without the spaces before it and never two in a row.
    @inline(__always) mutating func newline(from offset: Int) {
        while k > 0 && out[k &- 1] == 0x20 { k &-= 1 }
        if k > 0 && out[k &- 1] == 0x0A { return }
        append(0x0A, from: offset, upper: false)
        skipSpaces = false
    }

    /// "-" for every dash, without the spaces around it.
    @inline(__always) mutating func dash(from offset: Int) {
        while k > 0 && out[k &- 1] == 0x20 { k &-= 1 }
        append(0x2D, from: offset, upper: false)
        skipSpaces = true
    }

    /// Any other scalar (letters, digits, punctuation).
    @inline(__always) mutating func character(_ value: UInt32, from offset: Int, upper: Bool, toneTable: [UInt16], toneOU: [UInt32]) {
        skipSpaces = false
        var folded = value
        // Old and new tone placement: "oá"/"óa", "uỷ"/"ủy" fold to the tone on the first vowel.
        if folded >= 0xC0, folded < 0x2000, k > 0, out[k &- 1] == 0x6F || out[k &- 1] == 0x75 {
            let entry = toneTable[Int(folded)]
            if entry != 0 {
                let t = Int(entry >> 8) - 1
                out[k &- 1] = toneOU[(out[k &- 1] == 0x6F ? 0 : 5) + t]
                folded = UInt32(entry & 0xFF)
            }
        }
        append(folded, from: offset, upper: upper)
    }

    /// No space or line end at the end.
    @inline(__always) mutating func trimEnd() {
        while k > 0 && (out[k &- 1] == 0x20 || out[k &- 1] == 0x0A) { k &-= 1 }
    }
}
