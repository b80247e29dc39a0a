import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The renames that publish one run's report files, written down before the first of them and
/// removed after the last (`<output>/.chronicle/publish.journal`).
///
/// A run publishes its reports by renaming a score of finished temporary files over them, one
/// by one: a kill or an I/O error between two renames would leave new reports beside old ones
/// (a `chronology.md` counting events its year pages do not list). With the journal, the next
/// start finds such a half-done publish and completes it (`rollForward`): every temporary file
/// the journal lists was complete and on disk before the journal was written, so renaming those
/// still there gives the whole new set.
///
/// One line per file, `temporary<TAB>target`, both relative to the output folder, after a header.
struct PublishJournal: Sendable {
    /// The output folder the paths are relative to.
    let output: URL
    let url: URL

    static let fileName = "publish.journal"
    static let header = "chronicle-publish-journal 1"

    /// The journal of the output folder of `config`, in its state folder.
    init(config: ChronicleConfig) {
        output = config.output
        url = config.stateDirectory.appendingPathComponent(Self.fileName)
    }

    /// One rename: a finished temporary file onto its target, relative to the output folder.
    struct Rename: Sendable, Equatable {
        var temporary: String
        var target: String
    }

    /// Writes the journal, fsynced, before the first rename.
    func write(_ renames: [Rename]) throws {
        var text = Self.header + "\n"
        for rename in renames { text += rename.temporary + "\t" + rename.target + "\n" }
        try AtomicFileWriter.write(text, to: url)
    }

    /// The renames of a publish that did not finish; nil when there is none (no journal).
    func pending() throws -> [Rename]? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw OutputError.interruptedPublish(path: url.path, reason: "the journal cannot be read")
            }
            return nil
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(Self.header) else {
            throw OutputError.interruptedPublish(path: url.path, reason: "the journal is not one this version wrote")
        }
        return try lines.dropFirst().map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, parts.allSatisfy(Self.isInsideOutput) else {
                throw OutputError.interruptedPublish(path: url.path, reason: "the journal has a damaged line '\(line)'")
            }
            return Rename(temporary: parts[0], target: parts[1])
        }
    }

    /// A relative path that stays inside the output folder: a damaged journal must not rename
    /// files elsewhere.
    private static func isInsideOutput(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }

    /// Completes a publish a killed or failed run left half-done: renames every temporary file
    /// the journal lists that is still there onto its target, makes the renames durable and
    /// removes the journal. Returns how many files it renamed, nil when there was no journal.
    /// Call it holding the run lock, before temporary files are cleaned up.
    func rollForward() throws -> Int? {
        guard let renames = try pending() else { return nil }
        var renamed = 0
        var folders = Set<String>()
        for rename in renames {
            let temporary = output.appendingPathComponent(rename.temporary).path
            let target = output.appendingPathComponent(rename.target).path
            guard FileManager.default.fileExists(atPath: temporary) else { continue }
            if Foundation.rename(temporary, target) != 0 {
                throw OutputError.interruptedPublish(
                    path: url.path, reason: "\(target): cannot rename into place: \(String(cString: strerror(errno)))")
            }
            renamed += 1
            folders.insert((target as NSString).deletingLastPathComponent)
        }
        for folder in folders.sorted() { AtomicFileSink.syncDirectory(folder) }
        remove()
        return renamed
    }

    /// Removes the journal once every rename it lists is done. Not made durable: a journal that
    /// comes back after a crash lists temporary files no longer there, and is removed again.
    func remove() {
        unlink(url.path)
    }
}
