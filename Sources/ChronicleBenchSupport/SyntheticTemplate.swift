import Foundation

/// One article shape the synthetic corpus is rendered from: literal text with slots that
/// `SyntheticCorpus` fills per article (unit, date, names, numbers), parsed once.
///
/// Two sources: templates written with `{slot}` placeholders (the built-in set), and real article
/// texts (project samples, the dev set read at run time), whose unit numbers, day/month dates and
/// years are turned into slots so every rendered copy differs.
package struct SyntheticTemplate: Sendable, Hashable {
    /// Kinds of numbered units whose numbers are varied.
    enum UnitKind: Int, Sendable, CaseIterable {
        case division, brigade, regiment, militaryRegion
    }

    /// Named placeholders of the `{slot}` syntax.
    enum Slot: String, Sendable, CaseIterable {
        case organizer, unit, day, month, year, next, prev, plus5, quarter
        case chair, guest, credit, credit2, province, doc, doc2
        case n, n2, n3, n4, n5, n6, n7, big, big2, big3, pct, pct2, pct3
    }

    enum Part: Sendable, Hashable {
        case literal(String)
        case slot(Slot)
        /// The number after "Sư đoàn", "Lữ đoàn", … in a real text.
        case unitNumber(UnitKind)
        /// A year in a real text, as an offset from the article's year.
        case yearOffset(Int)
    }

    let parts: [Part]
    /// UTF-8 size of the literal parts, to reserve the rendered string once.
    let literalBytes: Int

    init(parts: [Part]) {
        self.parts = parts
        literalBytes = parts.reduce(0) { total, part in
            if case .literal(let text) = part { return total + text.utf8.count }
            return total
        }
    }

    /// A template with `{slot}` placeholders; fails on an unknown slot name.
    package init(placeholderText text: String) throws {
        let text = text.precomposedStringWithCanonicalMapping
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            guard let slot = Slot(rawValue: name) else {
                throw SyntheticCorpusError.unknownSlot(name: name)
            }
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            parts.append(.slot(slot))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.init(parts: parts)
    }

    /// A real article text whose unit numbers, day/month dates and years become slots, followed by
    /// a generated credit line so that no two rendered copies are the same.
    package init(articleText text: String) {
        var scan = ArticleTextScan(bytes: Array(text.precomposedStringWithCanonicalMapping.utf8))
        scan.run()
        let base = scan.baseYear ?? 2022
        var parts = scan.parts.map { part -> Part in
            if case .yearOffset(let year) = part { return .yearOffset(year - base) }
            return part
        }
        parts += [.literal("\n"), .slot(.credit)]
        self.init(parts: parts)
    }

    /// Number of slots of any kind, to check that a text was given variation.
    package var slotCount: Int {
        parts.reduce(0) { total, part in
            if case .literal = part { return total }
            return total + 1
        }
    }

    private static let unitPrefixes: [([UInt8], UnitKind)] = [
        (Array("Sư đoàn ".utf8), .division),
        (Array("Lữ đoàn ".utf8), .brigade),
        (Array("Trung đoàn ".utf8), .regiment),
        (Array("Quân khu ".utf8), .militaryRegion),
    ]

    private static func matches(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count, bytes[index] == prefix[0] else { return false }
        for k in 1..<prefix.count where bytes[index + k] != prefix[k] { return false }
        return true
    }
}

extension SyntheticTemplate {
    /// The parts of a real text (`init(articleText:)`): literal runs between the unit numbers,
    /// day/month dates and years that become slots. Years are absolute here.
    private struct ArticleTextScan {
        let bytes: [UInt8]
        var parts: [Part] = []
        var literalStart = 0
        /// The year of the first full date (d/m/yyyy), which the other years are made relative to.
        var baseYear: Int?

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func run() {
            let n = bytes.count
            var i = 0
            while i < n {
                if let end = unitNumber(at: i) {
                    i = end
                    continue
                }
                guard isDigit(i), !isDigit(i - 1), i == 0 || bytes[i - 1] != 0x2F else {
                    i += 1
                    continue
                }
                let first = digitRun(from: i)
                if let end = date(at: i, first: first) {
                    i = end
                    continue
                }
                // A year on its own: kept relative to the article's year.
                if first.end - i == 4, (2015...2030).contains(first.value), !isDigit(first.end),
                    first.end >= n || bytes[first.end] != 0x2F
                {
                    flush(i)
                    parts.append(.yearOffset(first.value))  // absolute for now, made relative by the caller
                    literalStart = first.end
                }
                i = first.end
            }
            flush(n)
        }

        /// "Sư đoàn 302" at `i`: the number becomes a slot; returns where the scan goes on.
        private mutating func unitNumber(at i: Int) -> Int? {
            for (prefix, kind) in SyntheticTemplate.unitPrefixes where SyntheticTemplate.matches(bytes, at: i, prefix) {
                let start = i + prefix.count
                let run = digitRun(from: start)
                if run.end > start, !isDigit(run.end) {
                    flush(start)
                    parts.append(.unitNumber(kind))
                    literalStart = run.end
                    return run.end
                }
            }
            return nil
        }

        /// d/m or d/m/yyyy starting at `i` with the digits `first`: day, month (and year) slots;
        /// returns where the scan goes on.
        private mutating func date(at i: Int, first: (end: Int, value: Int)) -> Int? {
            let n = bytes.count
            guard first.end - i <= 2, first.end < n, bytes[first.end] == 0x2F else { return nil }
            let second = digitRun(from: first.end + 1)
            let secondLength = second.end - first.end - 1
            guard secondLength >= 1, secondLength <= 2, (1...31).contains(first.value), (1...12).contains(second.value) else { return nil }
            var end = second.end
            var datedParts: [Part] = [.slot(.day), .literal("/"), .slot(.month)]
            if end < n, bytes[end] == 0x2F {
                let third = digitRun(from: end + 1)
                if third.end - end - 1 == 4, !isDigit(third.end) {
                    // Taken even when the date itself is not (a digit right after it).
                    baseYear = baseYear ?? third.value
                    datedParts += [.literal("/"), .slot(.year)]
                    end = third.end
                }
            }
            guard !isDigit(end) else { return nil }
            flush(i)
            parts += datedParts
            literalStart = end
            return end
        }

        private mutating func flush(_ end: Int) {
            if end > literalStart {
                parts.append(.literal(String(decoding: bytes[literalStart..<end], as: UTF8.self)))
            }
        }

        /// The number written from `start` (nine digits at most).
        private func digitRun(from start: Int) -> (end: Int, value: Int) {
            var end = start
            var value = 0
            while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, end - start < 9 {
                value = value * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            return (end, value)
        }

        private func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
    }
}

/// A synthetic corpus that cannot be built.
package enum SyntheticCorpusError: Error, CustomStringConvertible, Equatable {
    case unknownSlot(name: String)
    case unreadableTemplates(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case noTemplates

    package var description: String {
        switch self {
        case .unknownSlot(let name): return "benchmark template: unknown slot {\(name)}"
        case .unreadableTemplates(let path, let reason): return "\(path): cannot read article templates: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write the synthetic corpus: \(reason)"
        case .noTemplates: return "no article templates to build a synthetic corpus from"
        }
    }
}
