#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte order of UTF-8 text, the order paths are sorted in.
///
/// Same result as `a.utf8.lexicographicallyPrecedes(b.utf8)`, but a `memcmp` over the strings'
/// contiguous storage: sorting tens of thousands of paths with a shared folder prefix spent
/// most of its time stepping the generic iterator byte by byte.
enum UTF8Order {
    static func precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                if common > 0 {
                    let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        if let result = fast ?? nil { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Whether `a` and `b` have the same UTF-8 bytes (not canonical equivalence, as `==` is).
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        guard x.count > 0 else { return true }
        let fast = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        if let result = fast ?? nil { return result }
        return x.elementsEqual(y)
    }
}
