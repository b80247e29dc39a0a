/// Caps the attributes of each start tag before libxml2 parses a page.
///
/// libxml2 checks a new attribute against every earlier one of the same element, so one element
/// with 125,000 attributes costs minutes. No article page needs more than a few dozen on one
/// element; beyond `maximumAttributes` the rest of the tag is dropped, keeping the cost of a page
/// linear in its size. Pages within the cap are returned untouched (no copy).
enum HTMLTagLimiter {
    static let maximumAttributes = 100

    /// A copy of `bytes` with over-long start tags cut, or nil when no tag needs it.
    static func limited(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var cuts: [(keepUntil: Int, resumeAt: Int)] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n, isLetter(bytes[i + 1]) else {
                i += 1
                continue
            }
            let scan = scanTag(bytes, from: i + 1)
            if let cut = scan.cut { cuts.append((cut, scan.end)) }
            i = max(scan.end, i + 1)
        }
        guard !cuts.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var from = 0
        for cut in cuts {
            out.append(contentsOf: bytes[from..<cut.keepUntil])
            // The dropped attributes end the tag; `resumeAt` is its closing ">" (kept) or the end.
            from = cut.resumeAt
        }
        out.append(contentsOf: bytes[from..<n])
        return out
    }

    /// Reads a start tag whose name starts at `start`: where it ends (its ">", or the end of the
    /// input) and, when it has too many attributes, where the kept part ends.
    private static func scanTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, cut: Int?) {
        var i = start
        let n = bytes.count
        var attributes = 0
        var inSpace = false
        var cut: Int?
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: ">") { return (i, cut) }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                // A quoted value runs to its closing quote; an unclosed one to the end.
                var j = i + 1
                while j < n, bytes[j] != b { j += 1 }
                i = j + 1
                inSpace = false
                continue
            }
            if isSpace(b) {
                inSpace = true
            } else if inSpace {
                inSpace = false
                // A new attribute name starts (not the "=" or value of the previous one).
                if b != UInt8(ascii: "=") && b != UInt8(ascii: "/") && !(i > 0 && previousNonSpace(bytes, before: i) == UInt8(ascii: "=")) {
                    attributes += 1
                    if attributes > maximumAttributes && cut == nil { cut = i }
                }
            }
            i += 1
        }
        return (n, cut)
    }

    private static func previousNonSpace(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> UInt8? {
        var j = index - 1
        // Bounded: spaces between "=" and a value are few; a long run just counts as a new name.
        while j >= 0, index - j < 16, isSpace(bytes[j]) { j -= 1 }
        return j >= 0 ? bytes[j] : nil
    }

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
