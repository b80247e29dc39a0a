/// A configuration file that cannot be used, with a message that names the file and the key.
enum ConfigError: Error, CustomStringConvertible, Equatable {
    case missingFile(path: String)
    case unreadable(path: String, reason: String)
    case invalidYAML(path: String, reason: String)
    case missingKey(path: String, key: String, expected: String)
    case wrongValue(path: String, key: String, expected: String, found: String)
    case unknownKey(path: String, key: String, known: [String])

    var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): configuration file not found"
        case .unreadable(let path, let reason):
            return "\(path): cannot read configuration: \(reason)"
        case .invalidYAML(let path, let reason):
            return "\(path): not valid YAML: \(reason)"
        case .missingKey(let path, let key, let expected):
            return "\(path): missing key '\(key)' (expected \(expected))"
        case .wrongValue(let path, let key, let expected, let found):
            return "\(path): key '\(key)' must be \(expected), found \(found)"
        case .unknownKey(let path, let key, let known):
            return "\(path): unknown key '\(key)' (known keys: \(known.joined(separator: ", ")))"
        }
    }
}
