import Foundation

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
        let manager = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
                throw InputError.missing(path: display(root.path))
            }
            if !isDirectory.boolValue {
                files.append(InputFile(url: root, displayPath: display(root.path)))
                continue
            }
            guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
                throw InputError.unreadableFolder(path: display(root.path), reason: "permission denied or not a folder")
            }
            for case let url as URL in enumerator {
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                guard isFile else { continue }
                if ArticleFormat(fileExtension: url.pathExtension) == nil {
                    skipped.append(display(url.path))
                } else {
                    files.append(InputFile(url: url, displayPath: display(url.path)))
                }
            }
        }
        // Byte order of the path, so the order does not depend on the locale or the file system.
        files.sort { Array($0.displayPath.utf8).lexicographicallyPrecedes(Array($1.displayPath.utf8)) }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.url.standardizedFileURL.path).inserted }
        return Result(files: files, skipped: skipped.sorted())
    }

    private func display(_ path: String) -> String {
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
