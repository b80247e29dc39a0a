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

    private init() {
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
        self.lower = lower
        self.classes = classes
        var toneOf: [UInt32: UInt64] = [:]
        var compose: [UInt64: UInt32] = [:]
        let tones: [UInt32] = [0x300, 0x301, 0x303, 0x309, 0x323]
        for base in ["a", "e", "y", "o", "u"] {
            let baseValue = base.unicodeScalars.first!.value
            for tone in tones {
                let composed = (base + String(Unicode.Scalar(tone)!)).precomposedStringWithCanonicalMapping.unicodeScalars
                guard composed.count == 1, let c = composed.first?.value else { continue }
                toneOf[c] = UInt64(baseValue) << 32 | UInt64(tone)
                compose[UInt64(baseValue) << 32 | UInt64(tone)] = c
            }
        }
        self.toneOf = toneOf
        self.compose = compose
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
    /// The article text in NFC, as scalar values.
    let original: [UInt32]
    /// Folded scalars.
    let scalars: [UInt32]
    /// For each folded scalar, its index in `original`.
    let origin: [Int32]
    /// Whether the original scalar was an uppercase letter.
    let upper: [Bool]

    init(_ text: String) {
        var needsNFC = false
        // Combining marks U+0300–U+036F are encoded as 0xCC 0x80 … 0xCD 0xAF in UTF-8.
        for byte in text.utf8 where byte == 0xCC || byte == 0xCD {
            needsNFC = true
            break
        }
        var nfc = needsNFC ? text.precomposedStringWithCanonicalMapping : text
        // Bridged (UTF-16) strings iterate slowly; make the text native UTF-8 once.
        nfc.makeContiguousUTF8()
        let original = nfc.utf8.withContiguousStorageIfAvailable { Self.decode($0) } ?? Self.decode(Array(nfc.utf8))
        self.original = original
        let tables = FoldTables.shared
        let n = original.count
        var scalars = [UInt32](repeating: 0, count: n)
        var origin = [Int32](repeating: 0, count: n)
        var upper = [Bool](repeating: false, count: n)
        // `k` lives inside the closures: a captured, mutated variable would be boxed and
        // checked for exclusive access on every use.
        let k = scalars.withUnsafeMutableBufferPointer { out in
            origin.withUnsafeMutableBufferPointer { from in
                upper.withUnsafeMutableBufferPointer { caps in
                    var k = 0
                    var skipSpaces = false
                    for index in 0..<n {
                        let value = original[index]
                        _ = value
                        let cls = tables.classOf(value)
                        switch cls {
                        case .space:
                            if skipSpaces || k == 0 || out[k - 1] == 0x20 || out[k - 1] == 0x0A { continue }
                            out[k] = 0x20; from[k] = Int32(index); caps[k] = false; k += 1
                        case .newline:
                            while k > 0 && out[k - 1] == 0x20 { k -= 1 }
                            if k > 0 && out[k - 1] == 0x0A { continue }
                            out[k] = 0x0A; from[k] = Int32(index); caps[k] = false; k += 1
                            skipSpaces = false
                        case .dash:
                            while k > 0 && out[k - 1] == 0x20 { k -= 1 }
                            out[k] = 0x2D; from[k] = Int32(index); caps[k] = false; k += 1
                            skipSpaces = true
                        default:
                            skipSpaces = false
                            var folded = tables.fold(value)
                            let isUpper = folded != value && cls == .letter
                            // Old and new tone placement: "oá"/"óa", "uỷ"/"ủy" fold to the tone on the first vowel.
                            if folded >= 0xC0, k > 0, out[k - 1] == 0x6F || out[k - 1] == 0x75, let pair = tables.toneOf[folded] {
                                let base = UInt32(truncatingIfNeeded: pair >> 32)
                                let tone = pair & 0xFFFF_FFFF
                                if base == 0x61 || base == 0x65 || base == 0x79, let moved = tables.compose[UInt64(out[k - 1]) << 32 | tone] {
                                    out[k - 1] = moved
                                    folded = base
                                }
                            }
                            out[k] = folded; from[k] = Int32(index); caps[k] = isUpper; k += 1
                        }
                    }
                    while k > 0 && (out[k - 1] == 0x20 || out[k - 1] == 0x0A) { k -= 1 }
                    return k
                }
            }
        }
        scalars.removeLast(n - k)
        origin.removeLast(n - k)
        upper.removeLast(n - k)
        self.scalars = scalars
        self.origin = origin
        self.upper = upper
    }

    /// Decodes valid UTF-8 (a Swift string's storage) into scalar values.
    private static func decode<C: RandomAccessCollection>(_ bytes: C) -> [UInt32] where C.Element == UInt8, C.Index == Int {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 {
                out.append(b0); i += 1
            } else if b0 < 0xE0, i + 1 < end {
                out.append((b0 & 0x1F) << 6 | UInt32(bytes[i + 1]) & 0x3F); i += 2
            } else if b0 < 0xF0, i + 2 < end {
                out.append((b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F); i += 3
            } else if i + 3 < end {
                out.append((b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | UInt32(bytes[i + 3]) & 0x3F); i += 4
            } else {
                i += 1
            }
        }
        return out
    }

    /// The original text covering folded scalars `from..<to`, trimmed.
    func originalText(from: Int, to: Int) -> String {
        guard from < to, to <= scalars.count else { return "" }
        var start = Int(origin[from])
        var end = Int(origin[to - 1]) + 1
        func isSpace(_ s: UInt32) -> Bool { s == 0x20 || s == 0x0A || s == 0x09 || s == 0x0D || s == 0xA0 }
        while start < end, isSpace(original[start]) { start += 1 }
        while end > start, isSpace(original[end - 1]) { end -= 1 }
        var view = String.UnicodeScalarView()
        for value in original[start..<end] { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }

    /// Folds a short text (a phrase from the config) the same way.
    static func fold(_ text: String) -> [UInt32] { FoldedText(text).scalars }
}
