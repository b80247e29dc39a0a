import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input folder or file that cannot be read at all.
enum InputError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case unreadableFolder(path: String, reason: String)
    /// A FIFO, a device or a socket: reading one could block forever while the run holds its lock.
    case notAFileOrFolder(path: String)
    /// `--prune` would forget articles only because their folder could not be read this time.
    case pruneRefused(reason: String)

    var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file or folder"
        case .unreadableFolder(let path, let reason): return "\(path): cannot list folder: \(reason)"
        case .notAFileOrFolder(let path): return "\(path): not a regular file or folder (a pipe, device or socket is not read)"
        case .pruneRefused(let reason):
            return "--prune refused, nothing was changed: \(reason); the stored articles there would lose their events and "
                + "first-seen dates. Mount or fix the folder, or run without --prune"
        }
    }
}

/// A file to ingest, with the path shown to users (relative to the working directory when inside it).
public struct InputFile: Sendable, Hashable {
    /// The absolute path without `.` or `..` components: the file's key in the store.
    var path: String
    var displayPath: String
    /// Size and modification time when the scanner listed the file, taken relative to its open
    /// folder; nil when not taken (a file not found by the scanner, or one it could not stat),
    /// and the survey stats the path itself.
    var stamp: FileStamp?

    init(url: URL, displayPath: String) {
        self.path = url.standardizedFileURL.path
        self.displayPath = displayPath
    }

    /// A file at a path already absolute and standardized (as the scanner builds them: a
    /// standardized root plus names read from the folders, with no URL made per file), with the
    /// stamp taken when it was listed.
    init(standardizedPath: String, displayPath: String, stamp: FileStamp?) {
        self.path = standardizedPath
        self.displayPath = displayPath
        self.stamp = stamp
    }

    var url: URL { URL(fileURLWithPath: path, isDirectory: false) }

    /// The size the scanner found, if it stamped the file (`FileReading.Gate`).
    package var listedSize: Int64? { stamp?.size }

    /// Whether it is a crawler export (JSON Lines): many articles, read a line at a time.
    public var isExport: Bool { format == .jsonLines }

    /// The kind of article file, from the extension.
    var format: ArticleFormat? {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
        return ArticleFormat(fileExtension: InputScanner.pathExtension(String(name)))
    }
}

/// The article file formats Chronicle reads.
enum ArticleFormat: String, Sendable {
    case text, html, jsonLines

    init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .text
        case "html", "htm": self = .html
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }
}

/// Finds article files under the input folders: recursively, sorted by path, other file types
/// set aside and counted (archives keep images and indexes beside the articles).
public struct InputScanner: Sendable {
    var workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    public struct Result: Sendable {
        public var files: [InputFile]
        /// Files of other types that were passed over, by display path.
        var skipped: [String]
        /// Subfolders that could not be listed (display path, reason): their articles are
        /// missing from this run, not gone.
        var unreadableFolders: [(path: String, reason: String)] = []
        /// Input folders in which no article file was found (an unmounted share looks like this).
        var emptyRoots: [String] = []
        /// Article files whose name is not valid UTF-8, by display path with the bad bytes
        /// escaped (`bad\xFF.txt`): no path the run could open names them.
        var badlyNamedFiles: [String] = []

        /// The unreadable subfolders and the files whose name cannot be read, as problems for
        /// the reports and stderr.
        var problems: [ArticleProblem] {
            unreadableFolders.map {
                ArticleProblem(source: $0.path, reason: "cannot list folder: \($0.reason); its articles were not read")
            } + badlyNamedFiles.map { ArticleProblem(source: $0, reason: InputScanner.badNameReason) }
        }
    }

    /// Why a file whose name is not valid UTF-8 was not read (`ProblemReason.Code.nameNotUTF8`).
    static let badNameReason = "the file name is not valid UTF-8; rename it to read it"
    /// Why a folder whose name is not valid UTF-8 was not listed.
    static let badFolderNameReason = "its name is not valid UTF-8, rename it"

    public func scan(_ roots: [URL]) throws -> Result {
        var listing = Listing()
        var emptyRoots: [String] = []
        for root in roots {
            let rootPath = root.standardizedFileURL.path
            guard try isFolder(root) else {
                listing.files.append(InputFile(standardizedPath: rootPath, displayPath: display(root.path), stamp: nil))
                continue
            }
            // readdir(3) with d_type instead of FileManager's enumerator and resource values:
            // on Linux those cost a URL, a dictionary and several stat calls per file, which
            // dominated a warm run over a large archive.
            let base = rootPath.count > 1 && rootPath.hasSuffix("/") ? String(rootPath.dropLast()) : rootPath
            let before = listing.files.count
            walkOnAllCores(base, into: &listing)
            if listing.files.count == before { emptyRoots.append(display(root.path)) }
        }
        // Taken out of the listing so the sort below does not copy a large archive's list.
        var files = listing.files
        listing.files = []
        // Byte order of the path, so the order does not depend on the locale or the file system.
        // One folder's walk already lists its files in that order (see `walk`), once each;
        // several roots are merged and may overlap.
        let ordered = zip(files, files.dropFirst()).allSatisfy { ByteOrder.precedes($0.displayPath, $1.displayPath) }
        if roots.count > 1 || !ordered {
            files.sort { ByteOrder.precedes($0.displayPath, $1.displayPath) }
            var seen = Set<String>()
            files = files.filter { seen.insert($0.path).inserted }
        }
        return Result(
            files: files, skipped: listing.skipped.sorted(), unreadableFolders: listing.unreadable, emptyRoots: emptyRoots,
            badlyNamedFiles: listing.badlyNamed.sorted(by: ByteOrder.precedes))
    }

    /// Throws as `scan` would for the first input that is missing, is not a regular file or
    /// folder, or is a folder that cannot be listed; lists nothing (a few stat calls).
    public func checkRoots(_ roots: [URL]) throws {
        for root in roots { _ = try isFolder(root) }
    }

    /// Whether an input is a folder (else a regular file); throws when it is neither or when
    /// the folder cannot be listed.
    private func isFolder(_ root: URL) throws -> Bool {
        var info = stat()
        guard stat(root.path, &info) == 0 else {
            throw InputError.missing(path: display(root.path))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFDIR || type == S_IFREG else { throw InputError.notAFileOrFolder(path: display(root.path)) }
        guard type == S_IFDIR else { return false }
        guard let directory = opendir(root.path) else {
            throw InputError.unreadableFolder(path: display(root.path), reason: String(cString: strerror(errno)))
        }
        closedir(directory)
        return true
    }

    /// What the walk finds.
    struct Listing {
        var files: [InputFile] = []
        var skipped: [String] = []
        var unreadable: [(path: String, reason: String)] = []
        var badlyNamed: [String] = []

        /// Adds what a later part of the walk found after what this part found.
        mutating func append(_ other: Listing) {
            files += other.files
            skipped += other.skipped
            unreadable += other.unreadable
            badlyNamed += other.badlyNamed
        }
    }

    /// One folder's entries in the walk's order (`walk`): its article and other files,
    /// stamped, and its subfolders, each by its sort key (a folder's ends in "/").
    private struct FolderEntries {
        var keys: [String] = []
        var formats: [ArticleFormat?] = []
        var stamps: [FileStamp?] = []
    }

    /// A part of the walk's result, in order: what a folder read here lists, or a folder whose
    /// whole walk is left to a core (`walkOnAllCores`).
    private enum Part {
        case listed(Listing)
        case folder(String)
    }

    /// Walks `directory` as `walk` does, the folders two levels down (a year's months in a
    /// dated archive) each walked on a core, the results joined in the walk's order: a night's
    /// walk is one `fstatat` per file. The same listing as `walk` (`IngestScanParallelTests`).
    func walkOnAllCores(_ directory: String, into listing: inout Listing) {
        var parts: [Part] = []
        split(directory, levels: Self.levelsReadFirst, into: &parts)
        let folders = parts.compactMap { part -> String? in
            if case .folder(let path) = part { return path }
            return nil
        }
        let walked = folders.parallelMap(chunk: 1) { folder in
            var listing = Listing()
            walk(folder, into: &listing)
            return listing
        }
        // Sized once: grown by appending, a large archive's list was copied at each doubling.
        let found = parts.reduce(0) { count, part in
            if case .listed(let listed) = part { return count + listed.files.count }
            return count
        }
        listing.files.reserveCapacity(listing.files.count + found + walked.reduce(0) { $0 + $1.files.count })
        var next = 0
        for part in parts {
            switch part {
            case .listed(let found): listing.append(found)
            case .folder:
                listing.append(walked[next])
                next += 1
            }
        }
    }

    /// Folder levels `walkOnAllCores` reads itself before handing folders out.
    static let levelsReadFirst = 2

    /// Reads `directory` and, `levels` deep, its subfolders, into `parts`: the files found, in
    /// order, and the folders below to be walked.
    private func split(_ directory: String, levels: Int, into parts: inout [Part]) {
        var listing = Listing()
        guard let entries = read(directory, into: &listing) else {
            parts.append(.listed(listing))
            return
        }
        let shown = displayFolder(directory)
        for (index, key) in entries.keys.enumerated() {
            if key.utf8.last == UInt8(ascii: "/") {
                let folder = directory + "/" + key.dropLast()
                parts.append(.listed(listing))
                listing = Listing()
                if levels > 1 { split(folder, levels: levels - 1, into: &parts) } else { parts.append(.folder(folder)) }
                continue
            }
            list(key, format: entries.formats[index], stamp: entries.stamps[index], in: directory, shown: shown, into: &listing)
        }
        parts.append(.listed(listing))
    }

    /// Lists `directory` recursively: hidden entries are passed over, symbolic links to regular
    /// files count as files, symbolic links to folders are not followed (as FileManager's
    /// enumerator does), unreadable subfolders are passed over and listed in `unreadable`.
    /// A name that is not valid UTF-8 cannot be opened through a Swift string (decoding it
    /// replaces its bad bytes): such a file is listed in `badlyNamed`, such a folder in
    /// `unreadable`, each with the bad bytes escaped.
    ///
    /// Entries are visited in the byte order of their name, a folder's as `name/`: then the walk
    /// lists paths in their byte order, and a large archive needs no sort of all its paths
    /// afterwards (every path below folder `a` starts with `a/`, so it sorts where `a/` does).
    ///
    /// Each article file is stamped here, by its name relative to the open folder: a stat(2) of
    /// the absolute path looks up every folder of the path again, which was most of what an
    /// unchanged night's survey cost.
    func walk(_ directory: String, into listing: inout Listing) {
        guard let entries = read(directory, into: &listing) else { return }
        let shown = displayFolder(directory)
        for (index, key) in entries.keys.enumerated() {
            if key.utf8.last == UInt8(ascii: "/") {
                walk(directory + "/" + key.dropLast(), into: &listing)
                continue
            }
            list(key, format: entries.formats[index], stamp: entries.stamps[index], in: directory, shown: shown, into: &listing)
        }
    }

    /// Lists a file of `directory` (`shown` its display folder): an article file, or one
    /// passed over.
    private func list(
        _ name: String, format: ArticleFormat?, stamp: FileStamp?, in directory: String, shown: String?,
        into listing: inout Listing
    ) {
        let path = directory + "/" + name
        let displayPath = shown.map { $0 + name } ?? path
        if format == nil {
            listing.skipped.append(displayPath)
        } else {
            listing.files.append(InputFile(standardizedPath: path, displayPath: displayPath, stamp: stamp))
        }
    }

    /// One folder's entries, sorted and stamped; nil when it cannot be listed (said in
    /// `listing`, as are its entries whose names are not UTF-8).
    private func read(_ directory: String, into listing: inout Listing) -> FolderEntries? {
        guard let handle = opendir(directory) else {
            listing.unreadable.append((display(directory), String(cString: strerror(errno))))
            return nil
        }
        // Sort keys only (a folder's with its "/"): sorting one String per entry moves less than
        // sorting tuples, and this sort runs over every file of the archive on every run.
        var keys: [String] = []
        while let entry = readdir(handle) {
            let name = UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self)
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
            if bytes.first == UInt8(ascii: ".") { continue }
            let reported = Int32(entry.pointee.d_type)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                badName(Array(bytes), in: directory, type: Self.entryType(name, in: dirfd(handle), reported: reported), into: &listing)
                continue
            }
            switch Self.entryType(name, in: dirfd(handle), reported: reported) {
            case Int32(DT_DIR): keys.append(text + "/")
            case Int32(DT_REG): keys.append(text)
            default: continue
            }
        }
        keys = ByteOrder.sorted(keys)
        // Stamped with the folder open, listed after it is closed (a deep archive would otherwise
        // hold a descriptor per level).
        let formats = keys.map { $0.utf8.last == UInt8(ascii: "/") ? nil : ArticleFormat(fileExtension: Self.pathExtension($0)) }
        let stamps = zip(keys, formats).map { key, format in format == nil ? nil : FileStamp(name: key, in: dirfd(handle)) }
        closedir(handle)
        return FolderEntries(keys: keys, formats: formats, stamps: stamps)
    }

    /// Where `d_name` lies in a `dirent`.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// An entry whose name is not valid UTF-8: a folder is not listed, an article file not
    /// read, each said with the name escaped; another file is skipped as its type would be.
    private func badName(_ bytes: [UInt8], in directory: String, type: Int32?, into listing: inout Listing) {
        let shown = display(directory + "/" + Self.escapedName(bytes))
        switch type {
        case Int32(DT_DIR): listing.unreadable.append((shown, Self.badFolderNameReason))
        case Int32(DT_REG):
            if ArticleFormat(fileExtension: Self.pathExtension(shown)) == nil {
                listing.skipped.append(shown)
            } else {
                listing.badlyNamed.append(shown)
            }
        default: return
        }
    }

    /// `DT_DIR` for a folder, `DT_REG` for a regular file or a link to one, `DT_LNK` for a link
    /// to a folder (not followed), nil for anything else; `reported` is readdir's `d_type`,
    /// checked with stat(2) when it is unknown or a link (`name` relative to the folder open as
    /// `folder`).
    private static func entryType(_ name: UnsafePointer<CChar>, in folder: Int32, reported: Int32) -> Int32? {
        guard reported == Int32(DT_UNKNOWN) || reported == Int32(DT_LNK) else { return reported }
        var info = stat()
        let status = fstatat(folder, name, &info, reported == Int32(DT_LNK) ? 0 : AT_SYMLINK_NOFOLLOW)
        guard status == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Int32(DT_REG)
        case S_IFDIR: return reported == Int32(DT_LNK) ? Int32(DT_LNK) : Int32(DT_DIR)
        default: return nil
        }
    }

    /// A name's bytes as text: valid UTF-8 as it reads, each byte of an invalid sequence as
    /// `\xFF`, so that a person sees which name it is and where it goes wrong.
    static func escapedName(_ bytes: [UInt8]) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                position += encoded.count
            case .error(let length):
                for byte in bytes[position..<position + length] { text += "\\x" + Self.hex(byte) }
                position += length
            case .emptyInput:
                return text
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// The extension as `URL.pathExtension` gives it: after the last dot, none for ".name".
    static func pathExtension(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    private func display(_ path: String) -> String {
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// What `display` makes of the paths in `directory` before their names: the folder's path
    /// below the working directory with its "/" (empty for the working directory itself), nil
    /// when its paths are shown whole. Worked out once a folder, not once a file.
    private func displayFolder(_ directory: String) -> String? {
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        let folder = directory + "/"
        return folder.hasPrefix(base) ? String(folder.dropFirst(base.count)) : nil
    }
}
