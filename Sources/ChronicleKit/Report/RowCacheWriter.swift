import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RowCache {
    /// Writes the next run's cache as a report is written: the rows of the last run's cache it
    /// keeps (`carry`) and the rows made now (`add`), then its index.
    ///
    /// In place when the last run's cache has its index and holds no more unused bytes than
    /// used ones: kept rows stay where they are and new ones are appended to the file, so a
    /// night writes what it rendered and an index, not every row again. Otherwise (no cache,
    /// another version, too many unused rows) the file is written afresh beside the old one and
    /// put in its place at once, the kept rows read from the old one.
    ///
    /// Neither file is synced: a cache is never trusted (each row is checked against its key,
    /// length and checksum when taken), so one lost or cut short by a crash only costs the next
    /// run its rows. Four caches of some 12 MB were synced every night.
    final class Writer {
        private enum Target {
            /// A new file beside the cache, renamed over it on commit.
            case fresh(AtomicFileSink)
            /// The cache file itself, open for writing past its end.
            case inPlace(descriptor: Int32)
        }

        private let url: URL
        private let base: Hash128.Digest
        private var target: Target
        /// The last run's cache: rows carried are found (in place) or read (afresh) there.
        private let previous: RowCache?
        private var window = Window()
        /// Bytes not yet written, and where in the file the first of them goes.
        private var out: [UInt8] = []
        private var end: Int
        /// The rows of the cache written, in the order they came.
        private var order: [(key: Hash128.Digest, entry: Range<Int>)] = []
        private var added: Set<Hash128.Digest> = []

        /// A cache written afresh at `url`, with no rows of a last run.
        convenience init(url: URL, base: Hash128.Digest) throws {
            try self.init(url: url, base: base, previous: nil)
        }

        /// The cache that follows `previous` (nil: none), at `url`, for rows of `base`.
        init(url: URL, base: Hash128.Digest, previous: RowCache?) throws {
            self.url = url
            self.base = base
            if let previous, let descriptor = Self.inPlaceDescriptor(previous, url: url, base: base) {
                target = .inPlace(descriptor: descriptor)
                end = previous.fileSize
                self.previous = previous
                return
            }
            let sink = try AtomicFileSink(url: url)
            target = .fresh(sink)
            out = RowCache.magic
            LittleEndian.append(base.first, to: &out)
            LittleEndian.append(base.second, to: &out)
            end = 0
            // A cache of other templates has no rows to give (`RowCache.init`).
            self.previous = previous
        }

        deinit {
            if case .inPlace(let descriptor) = target, descriptor >= 0 { close(descriptor) }
        }

        /// Whether kept rows stay where they are (else they are copied into a new file).
        var isInPlace: Bool {
            if case .inPlace = target { return true }
            return false
        }

        /// The cache file opened for appending, when `previous` may be extended in place: it is
        /// this cache, for these rows, found through its index, no more than half unused, still
        /// the file that was read (same inode and size), and not linked elsewhere (a copy of the
        /// output folder made with hard links, as snapshot backups do, keeps its bytes).
        private static func inPlaceDescriptor(_ previous: RowCache, url: URL, base: Hash128.Digest) -> Int32? {
            guard previous.url == url, previous.base == base, previous.indexed, !previous.isEmpty,
                previous.index.liveBytes * 2 >= previous.fileSize - RowCache.headerCount
            else { return nil }
            let (descriptor, info) = RowCache.openRegularFile(url.path, flags: O_WRONLY)
            guard descriptor >= 0 else { return nil }
            guard UInt64(info.st_ino) == previous.inode, Int(info.st_size) == previous.fileSize, info.st_nlink == 1 else {
                close(descriptor)
                return nil
            }
            return descriptor
        }

        /// A row made now.
        func add(_ key: Hash128.Digest, _ bytes: [UInt8]) throws {
            guard added.insert(key).inserted else { return }
            let at = end + out.count
            LittleEndian.append(key.first, to: &out)
            LittleEndian.append(key.second, to: &out)
            LittleEndian.append(UInt64(bytes.count), to: &out)
            LittleEndian.append(bytes.withUnsafeBytes { RowCache.checksum($0) }, to: &out)
            out += bytes
            order.append((key, at..<(end + out.count)))
            if out.count >= 1 << 20 { try flush() }
        }

        /// A row of the last run's cache kept for the next: left where it is in place, else
        /// copied (`row`, when the caller has read it, or read now). False when the last run's
        /// cache has no intact row for `key`.
        @discardableResult
        func carry(_ key: Hash128.Digest, row: [UInt8]? = nil) throws -> Bool {
            if isInPlace, let entry = previous?.index.entries[key] {
                guard added.insert(key).inserted else { return true }
                order.append((key, entry))
                return true
            }
            guard let bytes = row ?? previous?.row(key, through: &window) else { return false }
            try add(key, bytes)
            return true
        }

        private func flush() throws {
            guard !out.isEmpty else { return }
            switch target {
            case .fresh(let sink):
                try out.withUnsafeBytes { try sink.write(bytes: $0) }
            case .inPlace(let descriptor):
                try out.withUnsafeBytes { bytes in
                    var done = 0
                    while done < bytes.count {
                        let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(end + done))
                        if written < 0 && errno == EINTR { continue }
                        guard written > 0 else { throw OutputError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
                        done += written
                    }
                }
            }
            end += out.count
            out.removeAll(keepingCapacity: true)
        }

        /// Puts the cache in place: its rows written (a new file renamed over the old one), then
        /// the index.
        func commit() throws {
            try flush()
            switch target {
            case .fresh(let sink):
                try sink.finish(sync: false)
                try sink.commit(syncDirectory: false)
            case .inPlace(let descriptor):
                close(descriptor)
                target = .inPlace(descriptor: -1)
            }
            let index = try AtomicFileSink(url: RowCacheIndex.url(for: url))
            do {
                try RowCacheIndex.encoded(order, base: base).withUnsafeBytes { try index.write(bytes: $0) }
                try index.finish(sync: false)
                try index.commit(syncDirectory: false)
            } catch {
                index.discard()
                throw error
            }
        }

        /// Leaves the cache as the last run left it: a new file is removed; rows appended in
        /// place stay past the last index's rows, unused.
        func discard() {
            switch target {
            case .fresh(let sink): sink.discard()
            case .inPlace(let descriptor):
                if descriptor >= 0 { close(descriptor) }
                target = .inPlace(descriptor: -1)
            }
        }
    }
}
