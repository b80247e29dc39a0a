/// Strings decoded once and shared: records of an archive name the same units, people and
/// documents over and over, and a chronology built from them would otherwise hold a copy of
/// each name per event. Strings short enough to be stored inline are not pooled.
final class StringPool {
    private var strings: [UInt64: String] = [:]

    init() {}

    /// Forgets the strings pooled so far (those handed out stay valid): what was decoded for a
    /// finished piece of work need not be held for the next.
    func removeAll() { strings = [:] }

    func string(_ bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let hash = FNV1a.lookupHash(bytes)
        if let found = strings[hash] {
            if found.utf8.elementsEqual(bytes) { return found }
            // Two strings with one hash: the second is simply not shared.
            return String(decoding: bytes, as: UTF8.self)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        strings[hash] = text
        return text
    }
}
