extension Array {
    /// Puts the elements in the order `order` gives (positions into this array), in place: moved
    /// along the permutation's cycles, so the two orders are never held at once.
    mutating func permute(_ order: [Int]) {
        precondition(order.count == count, "an order of every element")
        var placed = [Bool](repeating: false, count: count)
        for start in order.indices where !placed[start] {
            let first = self[start]
            var at = start
            while true {
                placed[at] = true
                let from = order[at]
                if from == start {
                    self[at] = first
                    break
                }
                self[at] = self[from]
                at = from
            }
        }
    }
}
