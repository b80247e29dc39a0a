/// A benchmark corpus that cannot be built or written.
package enum BenchCorpusError: Error, CustomStringConvertible, Equatable {
    case unknownSlot(template: String, name: String)
    case cannotWrite(path: String, reason: String)

    package var description: String {
        switch self {
        case .unknownSlot(let template, let name): return "benchmark phrase \"\(template.prefix(60))…\": unknown slot {\(name)}"
        case .cannotWrite(let path, let reason): return "\(path): cannot write the benchmark corpus: \(reason)"
        }
    }
}
