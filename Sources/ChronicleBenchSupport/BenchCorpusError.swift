/// A benchmark corpus that cannot be built or written.
package enum BenchCorpusError: Error, CustomStringConvertible, Equatable {
    case unknownSlot(template: String, name: String)
    case unreadablePassages(path: String, reason: String)
    case noPassages(folder: String)
    case cannotWrite(path: String, reason: String)

    package var description: String {
        switch self {
        case .unknownSlot(let template, let name): return "benchmark phrase \"\(template.prefix(60))…\": unknown slot {\(name)}"
        case .unreadablePassages(let path, let reason): return "\(path): cannot read the press passages: \(reason)"
        case .noPassages(let folder): return "\(folder): no JSON Lines file with a non-empty \"text\" field"
        case .cannotWrite(let path, let reason): return "\(path): cannot write the benchmark corpus: \(reason)"
        }
    }
}
