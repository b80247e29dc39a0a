import Foundation

extension XMLReport {
    /// What a night validates of `chronology.xml` when event elements come from the row cache:
    /// the document without those elements, and without the years and units left with none.
    ///
    /// A cached element was part of a validated document when it was written, and is taken only
    /// while its bytes match their checksum, under a key that includes the schema; validating it
    /// again cost as much as writing the whole file. The event ids, which the schema wants unique
    /// across the document, are checked apart (`XMLReport.checkUniqueIDs`). The copy is an
    /// unlinked scratch file: nothing is left behind whatever way the run ends.
    final class ValidationCopy {
        private let file: ScratchFile
        /// Bytes not yet in the file: written a megabyte at a time, not an element at a time.
        private var pending: [UInt8] = []
        /// The cached elements left out of the copy.
        var leftOut = 0

        init(directory: URL) throws {
            file = try ScratchFile(directory: directory, name: "chronology-xml-check")
        }

        func append(_ bytes: UnsafeRawBufferPointer) throws {
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 20 { try flush() }
        }

        func append(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try append($0) }
        }

        private func flush() throws {
            if !pending.isEmpty { _ = try file.append(pending) }
            pending.removeAll(keepingCapacity: true)
        }

        /// Validates the copy against the schema; errors name the report (`path`).
        func validate(reportedAs path: String) throws {
            try flush()
            try file.withDescriptorAtStart { try XMLReport.validate(descriptor: $0, reportedAs: path) }
        }
    }
}
