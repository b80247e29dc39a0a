import Testing
@testable import ChronicleKit

/// Pieces are cut where the content says: the same whatever sizes the stream arrives in, within
/// their bounds, and bytes inserted into a stream change only the pieces around them.
@Suite struct ContentChunkerTests {
    /// Text like a stored chronology's: Vietnamese names and sentences with numbers, not repeating.
    private func stream(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(state: seed)
        let words = ["Hội nghị", "Đảng ủy", "Quân khu", "Sư đoàn", "tổng kết", "năm", "thực hiện", "Nghị quyết", "Thượng tá", "Chính ủy"]
        var bytes: [UInt8] = []
        while bytes.count < count {
            bytes += Array("\(words.randomElement(using: &generator)!) \(Int.random(in: 0..<100_000, using: &generator)); ".utf8)
        }
        return Array(bytes.prefix(count))
    }

    private func pieces(_ bytes: [UInt8], parts: [Int]) -> [[UInt8]] {
        var chunker = ContentChunker()
        var out: [[UInt8]] = []
        var start = 0, part = 0
        while start < bytes.count {
            let end = min(bytes.count, start + parts[part % parts.count])
            bytes[start..<end].withUnsafeBytes { chunker.add($0) { out.append($0) } }
            start = end
            part += 1
        }
        chunker.finish { out.append($0) }
        return out
    }

    @Test func piecesAreTheSameWhateverSizesTheStreamArrivesIn() {
        let bytes = stream(600_000, seed: 3)
        let whole = pieces(bytes, parts: [bytes.count])
        #expect(whole.flatMap { $0 } == bytes)
        for parts in [[1], [7, 300, 65_536], [4096], [100_000, 1]] {
            #expect(pieces(bytes, parts: parts) == whole, "\(parts)")
        }
        for piece in whole.dropLast() { #expect(piece.count >= ContentChunker.minimum && piece.count <= ContentChunker.maximum) }
        #expect(whole.count > 30 && whole.count < 300)
    }

    /// The rule written plainly, a byte at a time: what the chunker's copying and hashing in
    /// runs must agree with.
    private func plainPieces(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = [], piece: [UInt8] = [], hash: UInt64 = 0
        for byte in bytes {
            piece.append(byte)
            if piece.count > ContentChunker.minimum - 64 { hash = (hash << 1) &+ ContentChunker.gear[Int(byte)] }
            if (piece.count >= ContentChunker.minimum && hash >> (64 - ContentChunker.maskBits) == 0)
                || piece.count >= ContentChunker.maximum
            {
                out.append(piece)
                piece = []
                hash = 0
            }
        }
        if !piece.isEmpty { out.append(piece) }
        return out
    }

    @Test func piecesAreThoseOfTheRuleWrittenPlainly() {
        for (count, seed) in [(300_000, UInt64(1)), (70_000, 2), (2_000, 4), (0, 5)] {
            let bytes = stream(count, seed: seed)
            #expect(pieces(bytes, parts: [9_999]) == plainPieces(bytes), "\(count) bytes")
        }
        let flat = [UInt8](repeating: 0x20, count: 150_000)
        #expect(pieces(flat, parts: [65_536]) == plainPieces(flat))
    }

    @Test func bytesInsertedChangeOnlyThePiecesAroundThem() {
        let bytes = stream(600_000, seed: 9)
        var changed = bytes
        changed.insert(contentsOf: Array(" Đại tá Nguyễn Văn Hùng, Phó Tư lệnh; ".utf8), at: 300_001)
        changed.removeSubrange(450_000..<450_040)
        let before = Set(pieces(bytes, parts: [65_536])), after = pieces(changed, parts: [65_536])
        let new = after.filter { !before.contains($0) }
        #expect(new.count <= 4, "\(new.count) of \(after.count) pieces new")
        #expect(new.reduce(0) { $0 + $1.count } < 4 * ContentChunker.maximum)
    }

    /// A run of one byte, whose hash never says to cut, is cut at the largest size.
    @Test func aStreamWithNoCutIsCutAtTheLargestSize() {
        let bytes = [UInt8](repeating: 0x20, count: 200_000)
        let cut = pieces(bytes, parts: [10_000])
        #expect(cut.dropLast().allSatisfy { $0.count == ContentChunker.maximum })
        #expect(cut.flatMap { $0 } == bytes)
    }
}
