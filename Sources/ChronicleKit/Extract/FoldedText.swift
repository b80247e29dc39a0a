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
        if value < 0x2000 { return Class(rawValue: classes[Int(value)])! }
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
    /// The article text in NFC, as scalars.
    let original: [Unicode.Scalar]
    /// Folded scalars.
    private(set) var scalars: [UInt32] = []
    /// For each folded scalar, its index in `original`.
    private(set) var origin: [Int32] = []
    /// Whether the original scalar was an uppercase letter.
    private(set) var upper: [Bool] = []

    init(_ text: String) {
        var needsNFC = false
        for s in text.unicodeScalars where s.value >= 0x300 && s.value < 0x370 {
            needsNFC = true
            break
        }
        let nfc = needsNFC ? text.precomposedStringWithCanonicalMapping : text
        original = Array(nfc.unicodeScalars)
        let tables = FoldTables.shared
        scalars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        upper.reserveCapacity(original.count)
        var skipSpaces = false
        for (index, scalar) in original.enumerated() {
            let value = scalar.value
            let cls = tables.classOf(value)
            switch cls {
            case .space:
                if skipSpaces || scalars.last == 0x20 || scalars.last == 0x0A || scalars.isEmpty { continue }
                append(0x20, index, false)
            case .newline:
                while scalars.last == 0x20 { removeLast() }
                if scalars.last == 0x0A { continue }
                append(0x0A, index, false)
                skipSpaces = false
            case .dash:
                while scalars.last == 0x20 { removeLast() }
                append(0x2D, index, false)
                skipSpaces = true
            default:
                skipSpaces = false
                var folded = tables.fold(value)
                let isUpper = folded != value && cls == .letter
                // Old and new tone placement: "oá"/"óa", "uỷ"/"ủy" fold to the tone on the first vowel.
                if let last = scalars.last, last == 0x6F || last == 0x75, let pair = tables.toneOf[folded] {
                    let base = UInt32(truncatingIfNeeded: pair >> 32)
                    let tone = pair & 0xFFFF_FFFF
                    if base == 0x61 || base == 0x65 || base == 0x79, let moved = tables.compose[UInt64(last) << 32 | tone] {
                        scalars[scalars.count - 1] = moved
                        folded = base
                    }
                }
                append(folded, index, isUpper)
            }
        }
        while scalars.last == 0x20 || scalars.last == 0x0A { removeLast() }
    }

    private mutating func append(_ value: UInt32, _ index: Int, _ isUpper: Bool) {
        scalars.append(value)
        origin.append(Int32(index))
        upper.append(isUpper)
    }

    private mutating func removeLast() {
        scalars.removeLast()
        origin.removeLast()
        upper.removeLast()
    }

    /// The original text covering folded scalars `from..<to`, trimmed.
    func originalText(from: Int, to: Int) -> String {
        guard from < to, to <= scalars.count else { return "" }
        let start = Int(origin[from])
        let end = Int(origin[to - 1]) + 1
        var view = String.UnicodeScalarView()
        view.append(contentsOf: original[start..<end])
        return String(view).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Folds a short text (a phrase from the config) the same way.
    static func fold(_ text: String) -> [UInt32] { FoldedText(text).scalars }
}
