/// Sorts Vietnamese names the way a Vietnamese reader expects: letters in the Vietnamese
/// alphabet order (a ă â b c d đ e ê … o ô ơ … u ư …), tones only as a tie-break (ngang, huyền,
/// hỏi, ngã, sắc, nặng), case ignored, and numbers by value ("Quân khu 9" before "Quân khu 10").
///
/// Plain code-point order puts "Quân đoàn 3" after "Quân khu 4" and "Sư đoàn 10" before
/// "Sư đoàn 9", which reads as wrong in a unit list.
struct VietnameseCollation: Sendable {
    /// A precomputed key; compare keys instead of strings when sorting many names.
    struct Key: Comparable, Hashable, Sendable {
        let primary: [UInt32]
        let tones: [UInt8]
        let text: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.primary != rhs.primary { return lhs.primary.lexicographicallyPrecedes(rhs.primary) }
            if lhs.tones != rhs.tones { return lhs.tones.lexicographicallyPrecedes(rhs.tones) }
            return Array(lhs.text.utf8).lexicographicallyPrecedes(Array(rhs.text.utf8))
        }
    }

    static func key(_ text: String) -> Key {
        var primary: [UInt32] = []
        var tones: [UInt8] = []
        var number: [UInt32] = []
        func flushNumber() {
            guard !number.isEmpty else { return }
            // Drop leading zeros, then length before digits so that shorter numbers sort first.
            while number.count > 1 && number.first == 0 { number.removeFirst() }
            primary.append(2)
            primary.append(UInt32(number.count))
            primary.append(contentsOf: number)
            number.removeAll()
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            if (0x30...0x39).contains(value) {
                number.append(value - 0x30)
                continue
            }
            flushNumber()
            switch value {
            case 0x61...0x7A:  // a-z
                primary.append(100 + (value - 0x61) * 4)
                tones.append(0)
            case 0x111:  // đ
                primary.append(100 + 3 * 4 + 2)
                tones.append(0)
            case 0x306, 0x302, 0x31B:  // breve, circumflex, horn: part of the letter
                if let last = primary.last, last >= 100 {
                    primary[primary.count - 1] = last + (value == 0x306 ? 1 : value == 0x302 ? 2 : 3)
                }
            case 0x300, 0x309, 0x303, 0x301, 0x323:  // tones
                if !tones.isEmpty {
                    tones[tones.count - 1] = value == 0x300 ? 1 : value == 0x309 ? 2 : value == 0x303 ? 3 : value == 0x301 ? 4 : 5
                }
            case 0x20, 0x2D, 0x2013, 0x2C, 0x2E, 0x28, 0x29:  // separators sort before letters
                if primary.last != 1 { primary.append(1) }
            default:
                primary.append(10_000 + value)
            }
        }
        flushNumber()
        return Key(primary: primary, tones: tones, text: text)
    }

    /// Whether `a` sorts before `b`.
    static func precedes(_ a: String, _ b: String) -> Bool { key(a) < key(b) }
}
