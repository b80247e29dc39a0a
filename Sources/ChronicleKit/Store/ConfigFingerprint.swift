import Foundation

/// The hash of everything in the config folder that can change what extraction gives: every
/// `*.yml`/`*.yaml` under it except the main config and the corrections file (corrections are
/// applied after extraction, every run), plus the units file wherever it is. A different
/// fingerprint makes a run extract every article again.
enum ConfigFingerprint {
    static func compute(config: ChronicleConfig) -> String {
        let excluded: Set<String> = [
            config.configFile.standardizedFileURL.resolvingSymlinksInPath().path,
            config.correctionsFile.standardizedFileURL.resolvingSymlinksInPath().path,
        ]
        var files: [URL] = []
        if let enumerator = FileManager.default.enumerator(
            at: config.configDirectory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        {
            for case let url as URL in enumerator {
                let ext = url.pathExtension.lowercased()
                guard ext == "yml" || ext == "yaml" else { continue }
                files.append(url.standardizedFileURL.resolvingSymlinksInPath())
            }
        }
        files.append(config.unitsFile.standardizedFileURL.resolvingSymlinksInPath())
        var seen = Set<String>()
        let paths = files.map(\.path).filter { !excluded.contains($0) && seen.insert($0).inserted }
        let base = config.configDirectory.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var hash = ContentHash.empty
        for path in paths.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            // Names relative to the config folder, so moving the project does not re-extract.
            let name = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            hash = hash.combined(with: Array(name.utf8) + [0])
            let content = FileManager.default.contents(atPath: path)
            hash = hash.combined(with: content.map { Array("\($0.count):".utf8) + Array($0) } ?? Array("missing".utf8))
            hash = hash.combined(with: [0])
        }
        return hash.description
    }
}
