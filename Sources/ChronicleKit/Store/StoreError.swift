/// The state file cannot be opened, migrated, read or written.
enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case failed(path: String, action: String, reason: String)
    /// SQLite's own check found the file damaged (a crash while its journal was lost, a disk
    /// fault): using it would publish wrong reports or reset first-seen dates silently.
    case damaged(path: String, detail: String)
    /// The store keeps the history of another output folder.
    case belongsToAnotherOutput(path: String, owner: String, output: String)

    var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the state store: \(reason) (if it is damaged, restore it from a backup or move it aside "
                + "to rebuild from the articles; first-seen dates and run history then start again)"
        case .failed(let path, let action, let reason):
            return "\(path): state store: cannot \(action): \(reason)"
        case .belongsToAnotherOutput(let path, let owner, let output):
            return "\(path): this store keeps the history of the reports in \(owner), not \(output); give each output "
                + "its own store (`store:` in chronicle.yml), or point this configuration at \(owner)"
        case .damaged(let path, let detail):
            return "\(path): the state store is damaged (\(detail)); restore it from a backup, or move it aside to "
                + "rebuild from the articles (first-seen dates and run history then start again)"
        }
    }
}
