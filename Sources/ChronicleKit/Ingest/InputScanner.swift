import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input folder or file that cannot be read at all.
public enum InputError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case unreadableFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file or folder"
        case .unreadableFolder(let path, let reason): return "\(path): cannot list folder: \(reason)"
        }
    }
}

/// A file to ingest, with the path shown to users (relative to the working directory when inside it).
public struct InputFile: Sendable, Hashable {
    public var url: URL
    public var displayPath: String

    public init(url: URL, displayPath: String) {
        self.url = url
        self.displayPath = displayPath
    }

    /// The kind of article file, from the extension.
    public var format: ArticleFormat? { ArticleFormat(fileExtension: url.pathExtension) }
}

/// The article file formats Chronicle reads.
public enum ArticleFormat: String, Sendable {
    case text, html, jsonLines

    public init?(fileExtension: String) {
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
    public var workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    public struct Result: Sendable {
        public var files: [InputFile]
        /// Files of other types that were passed over, by display path.
        public var skipped: [String]
    }

    public func scan(_ roots: [URL]) throws -> Result {
        var files: [InputFile] = []
        var skipped: [String] = []
        for root in roots {
            var info = stat()
            guard stat(root.path, &info) == 0 else {
                throw InputError.missing(path: display(root.path))
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                files.append(InputFile(url: root, displayPath: display(root.path)))
                continue
            }
            // readdir(3) with d_type instead of FileManager's enumerator and resource values:
            // on Linux those cost a URL, a dictionary and several stat calls per file, which
            // dominated a warm run over a large archive.
            guard let directory = opendir(root.path) else {
                throw InputError.unreadableFolder(path: display(root.path), reason: String(cString: strerror(errno)))
            }
            closedir(directory)
            let base = root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
            walk(base, files: &files, skipped: &skipped)
        }
        // Byte order of the path, so the order does not depend on the locale or the file system.
        files.sort { Self.bytesPrecede($0.displayPath, $1.displayPath) }
        var seen = Set<String>()
        if roots.count == 1 {
            // One root lists every file once, under paths that differ below the root and have
            // no "." or ".." parts: standardizing them (20,000 instructions a file) changes no
            // answer, so their own path is the key.
            files = files.filter { seen.insert($0.url.path).inserted }
        } else {
            files = files.filter { seen.insert($0.url.standardizedFileURL.path).inserted }
        }
        return Result(files: files, skipped: skipped.sorted())
    }

    /// `a.utf8.lexicographicallyPrecedes(b.utf8)` with one `memcmp`: the generic comparison walks
    /// the views byte by byte, a cost a warm run over 200,000 paths pays ~3.5 million times.
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// Lists `directory` recursively: hidden entries are passed over, symbolic links to regular
    /// files count as files, symbolic links to folders are not followed (as FileManager's
    /// enumerator does), unreadable subfolders are passed over.
    private func walk(_ directory: String, files: inout [InputFile], skipped: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        var folders: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.utf8.first == UInt8(ascii: ".") { continue }
            let path = directory + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
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
                folders.append(path)
            } else if type == Int32(DT_REG) {
                let url = URL(fileURLWithPath: path, isDirectory: false)
                if ArticleFormat(fileExtension: Self.pathExtension(name)) == nil {
                    skipped.append(display(path))
                } else {
                    files.append(InputFile(url: url, displayPath: display(path)))
                }
            }
        }
        for folder in folders { walk(folder, files: &files, skipped: &skipped) }
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
