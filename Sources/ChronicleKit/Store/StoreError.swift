/// The state file cannot be opened, migrated, read or written.
enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case failed(path: String, action: String, reason: String)
    /// SQLite's own check found the file damaged (a crash while its journal was lost, a disk
    /// fault): using it would publish wrong reports or reset first-seen dates silently.
    case damaged(path: String, detail: String)
    /// The store keeps the history of another output folder.
    case belongsToAnotherOutput(path: String, owner: String, output: String)
    /// A store at its place beside the configuration and one where earlier versions kept it
    /// (`former`, in the reports folder): either alone would drop the other's history.
    case foundInTwoPlaces(current: String, former: String, newer: String)
    /// The store could not be moved from where earlier versions kept it (`StoreMove`).
    case cannotMove(from: String, to: String, reason: String)

    var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the state store: \(reason) (if it is damaged, restore it from a backup or move it aside "
                + "to rebuild from the articles; first-seen dates and run history then start again)"
        case .failed(let path, let action, let reason):
            return "\(path): state store: cannot \(action): \(reason)"
        case .belongsToAnotherOutput(let path, let owner, let output):
            return "\(path): this store keeps the history of the reports in \(owner), not \(output); give each output "
                + "its own store (`store:` in its configuration, or --store for a run with --output elsewhere), or point "
                + "this configuration at \(owner)"
        case .foundInTwoPlaces(let current, let former, let newer):
            let advice =
                newer == current
                ? "\(current) was written last: remove \(former) (with its -journal, -wal and -shm files, if any)"
                : "\(former) was written last (an earlier version ran since?): move \(current) aside, and the next run "
                    + "moves \(former) to its place"
            return "two state stores for this configuration: \(current), where Chronicle keeps it, and \(former), where "
                + "earlier versions kept it; neither is used, since the other's history would be lost. Keep one: \(advice); "
                + "then run again"
        case .cannotMove(let from, let to, let reason):
            return "\(from): cannot move the state store to its place beside the configuration, \(to): \(reason); "
                + "it is left where it was. Fix the cause and run again, or move it there yourself"
        case .damaged(let path, let detail):
            return "\(path): the state store is damaged (\(detail)); restore it from a backup, or move it aside to "
                + "rebuild from the articles (first-seen dates and run history then start again)"
        }
    }
}
