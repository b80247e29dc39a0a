/// The state file cannot be opened, migrated, read or written.
enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case failed(path: String, action: String, reason: String)

    var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the state store: \(reason) (move the file aside to start afresh; reports are rebuilt from the articles)"
        case .failed(let path, let action, let reason):
            return "\(path): state store: cannot \(action): \(reason)"
        }
    }
}
