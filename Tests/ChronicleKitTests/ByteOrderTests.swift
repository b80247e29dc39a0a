import Testing
@testable import ChronicleKit

@Suite struct ByteOrderTests {
    @Test func agreesWithTheOrderOfTheUTF8Bytes() {
        let texts = [
            "", "a", "ab", "a/b.txt", "a-b.txt", "B", "b", "2022/12/qdnd-01.txt", "2022/12/qdnd-1.txt",
            "Đảng ủy", "Dang uy", "Quân đoàn 12", "Quân đoàn 1", "quân", "Quân\u{0300}", "z\u{0}", "z",
        ]
        for a in texts {
            for b in texts {
                #expect(ByteOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
            }
        }
    }
}
