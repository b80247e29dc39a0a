/// Strings numbered in the order they were first seen (unit ids, undated reports' documents
/// keys): grouping holds a number per report, each string once.
struct Numbering: Sendable {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]

    init() {}

    /// The numbering whose names, by number, are `names`; nil when one repeats.
    init?(names: [String]) {
        for (number, name) in names.enumerated() { numbers[name] = Int32(number) }
        guard numbers.count == names.count else { return nil }
        self.names = names
    }

    /// The number of `name`, a new one if it has none yet.
    mutating func number(_ name: String) -> Int32 {
        if let known = numbers[name] { return known }
        let number = Int32(names.count)
        numbers[name] = number
        names.append(name)
        return number
    }
}
