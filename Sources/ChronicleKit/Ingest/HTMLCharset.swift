/// Finds the character set an HTML page declares: a byte order mark, `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 4 KB, or
/// `<?xml encoding=...?>`. Pages that declare nothing are read as UTF-8.
enum HTMLCharset {
    static func declared(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "UTF-8" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16LE" }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16BE" }
        let head = Array(bytes.prefix(4096)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for key in ["charset", "encoding"] {
            let needle = Array(key.utf8)
            var i = 0
            while i + needle.count < head.count {
                if head[i] == needle[0], head[i..<(i + needle.count)].elementsEqual(needle) {
                    var k = i + needle.count
                    while k < head.count, head[k] == 0x20 { k += 1 }
                    if k < head.count, head[k] == UInt8(ascii: "=") {
                        k += 1
                        while k < head.count, head[k] == 0x20 || head[k] == UInt8(ascii: "\"") || head[k] == UInt8(ascii: "'") { k += 1 }
                        let start = k
                        while k < head.count, isNameByte(head[k]) { k += 1 }
                        if k > start { return String(decoding: head[start..<k], as: UTF8.self) }
                    }
                }
                i += 1
            }
        }
        return nil
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    static func isUTF8(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "utf-8" || lower == "utf8"
    }
}
