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

    init(url: URL, displayPath: String) {
        self.path = url.standardizedFileURL.path
        self.displayPath = displayPath
    }

    /// A file at a path already absolute and standardized (as the scanner builds them: a
    /// standardized root plus names read from the folders, with no URL made per file).
    init(standardizedPath: String, displayPath: String) {
        self.path = standardizedPath
        self.displayPath = displayPath
    }

    var url: URL { URL(fileURLWithPath: path, isDirectory: false) }

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

        /// The unreadable subfolders as problems for the reports and stderr.
        var folderProblems: [ArticleProblem] {
            unreadableFolders.map {
                ArticleProblem(source: $0.path, reason: "cannot list folder: \($0.reason); its articles were not read")
            }
        }
    }

    public func scan(_ roots: [URL]) throws -> Result {
        var files: [InputFile] = []
        var skipped: [String] = []
        var unreadable: [(path: String, reason: String)] = []
        var emptyRoots: [String] = []
        for root in roots {
            var info = stat()
            guard stat(root.path, &info) == 0 else {
                throw InputError.missing(path: display(root.path))
            }
            let rootPath = root.standardizedFileURL.path
            let type = info.st_mode & S_IFMT
            guard type == S_IFDIR || type == S_IFREG else { throw InputError.notAFileOrFolder(path: display(root.path)) }
            if type != S_IFDIR {
                files.append(InputFile(standardizedPath: rootPath, displayPath: display(root.path)))
                continue
            }
            // readdir(3) with d_type instead of FileManager's enumerator and resource values:
            // on Linux those cost a URL, a dictionary and several stat calls per file, which
            // dominated a warm run over a large archive.
            guard let directory = opendir(root.path) else {
                throw InputError.unreadableFolder(path: display(root.path), reason: String(cString: strerror(errno)))
            }
            closedir(directory)
            let base = rootPath.count > 1 && rootPath.hasSuffix("/") ? String(rootPath.dropLast()) : rootPath
            let before = files.count
            walk(base, files: &files, skipped: &skipped, unreadable: &unreadable)
            if files.count == before { emptyRoots.append(display(root.path)) }
        }
        // Byte order of the path, so the order does not depend on the locale or the file system.
        // One folder's walk already lists its files in that order (see `walk`), once each;
        // several roots are merged and may overlap.
        let ordered = zip(files, files.dropFirst()).allSatisfy { ByteOrder.precedes($0.displayPath, $1.displayPath) }
        if roots.count > 1 || !ordered {
            files.sort { ByteOrder.precedes($0.displayPath, $1.displayPath) }
            var seen = Set<String>()
            files = files.filter { seen.insert($0.path).inserted }
        }
        return Result(files: files, skipped: skipped.sorted(), unreadableFolders: unreadable, emptyRoots: emptyRoots)
    }

    /// Lists `directory` recursively: hidden entries are passed over, symbolic links to regular
    /// files count as files, symbolic links to folders are not followed (as FileManager's
    /// enumerator does), unreadable subfolders are passed over and listed in `unreadable`.
    ///
    /// Entries are visited in the byte order of their name, a folder's as `name/`: then the walk
    /// lists paths in their byte order, and a large archive needs no sort of all its paths
    /// afterwards (every path below folder `a` starts with `a/`, so it sorts where `a/` does).
    private func walk(
        _ directory: String, files: inout [InputFile], skipped: inout [String], unreadable: inout [(path: String, reason: String)]
    ) {
        guard let handle = opendir(directory) else {
            unreadable.append((display(directory), String(cString: strerror(errno))))
            return
        }
        // Sort keys only (a folder's with its "/"): sorting one String per entry moves less than
        // sorting tuples, and this sort runs over every file of the archive on every run.
        var keys: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.utf8.first == UInt8(ascii: ".") { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                let path = directory + "/" + name
                var info = stat()
                let status = type == Int32(DT_LNK) ? stat(path, &info) : lstat(path, &info)
                guard status == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: type = Int32(DT_REG)
                case S_IFDIR: type = entry.pointee.d_type == UInt8(DT_LNK) ? Int32(DT_LNK) : Int32(DT_DIR)
                default: continue
                }
            }
            if type == Int32(DT_DIR) {
                keys.append(name + "/")
            } else if type == Int32(DT_REG) {
                keys.append(name)
            }
        }
        closedir(handle)
        keys.sort(by: ByteOrder.precedes)
        for key in keys {
            if key.utf8.last == UInt8(ascii: "/") {
                walk(directory + "/" + key.dropLast(), files: &files, skipped: &skipped, unreadable: &unreadable)
                continue
            }
            let path = directory + "/" + key
            if ArticleFormat(fileExtension: Self.pathExtension(key)) == nil {
                skipped.append(display(path))
            } else {
                files.append(InputFile(standardizedPath: path, displayPath: display(path)))
            }
        }
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
}
