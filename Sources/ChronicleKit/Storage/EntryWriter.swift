extension RecordArchive {
    /// Encodes one file's records as they are extracted, one at a time, into an `Entry` whose
    /// blob is byte for byte what `RecordBinary.encode` gives for the same records.
    ///
    /// A crawler export of 100,000 lines used to be held as all its articles, then all its
    /// records, then one records array regrown (and copied) as it filled. Here each record is
    /// written as it comes into pieces of about a megabyte, and the pieces go to the spool as one
    /// span at the end: a file costs its encoded records once, and nothing per line besides.
    struct EntryWriter {
        /// Bytes after which a piece is closed and a new one begun.
        let pieceSize: Int
        /// The closed pieces of the records' bytes (the blob without its frame).
        private var pieces: [[UInt8]] = []
        private var closedBytes = 0
        private var writer = RecordBinary.Writer()
        /// Where each record starts among the records' bytes (the frame's header not counted).
        private var starts: [Int32] = []
        private var unreadable: [(index: Int32, problem: ArticleProblem)] = []
        private var warnings: [ArticleProblem] = []

        init(pieceSize: Int = 1 << 20) {
            self.pieceSize = pieceSize
        }

        /// The records added so far.
        var count: Int { starts.count }

        /// Adds the next record.
        mutating func add(_ record: ArticleRecord) {
            if let problem = Entry.problem(record) { unreadable.append((Int32(starts.count), problem)) }
            warnings += Entry.warnings(record)
            starts.append(Int32(clamping: closedBytes + writer.bytes.count))
            writer.record(record)
            if writer.bytes.count >= pieceSize {
                closedBytes += writer.bytes.count
                pieces.append(writer.bytes)
                writer.bytes = []
                // Room for the piece and the record that closes it, so it is not regrown (copied).
                writer.bytes.reserveCapacity(pieceSize + pieceSize / 8)
            }
        }

        /// The entry of the records added: its blob written to `spool` as one span, or in memory
        /// when there is no spool or it cannot be written.
        consuming func finish(spool: ScratchFile?) -> Entry {
            var header: [UInt8] = [RecordBinary.version]
            var frame = RecordBinary.Writer()
            frame.count(starts.count)
            header += frame.bytes
            let parts = [header] + pieces + [writer.bytes]
            pieces = []
            writer.bytes = []
            var hash = FNV1a.offsetBasis
            for part in parts { hash = FNV1a.hash(part, from: hash) }
            let checksum = LittleEndian.bytes(hash)
            let offsets = starts.map { $0 + Int32(header.count) }
            // A file of one piece (an article, a small export) is joined and written at once:
            // one write per file rather than three.
            if let spool, parts.count > 2, let span = try? spool.append(pieces: parts + [checksum]) {
                return Entry(blob: .spooled(span), offsets: offsets, unreadable: unreadable, warnings: warnings)
            }
            var blob: [UInt8] = []
            blob.reserveCapacity(parts.reduce(checksum.count) { $0 + $1.count })
            for part in parts { blob += part }
            blob += checksum
            var entry = Entry(blob: .bytes(blob), offsets: offsets, unreadable: unreadable, warnings: warnings)
            entry.spill(to: spool)
            return entry
        }
    }
}
