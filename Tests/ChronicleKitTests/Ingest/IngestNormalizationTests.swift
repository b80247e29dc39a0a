import Foundation
import Testing
@testable import ChronicleKit

/// NFC in chunks gives what Foundation gives for the whole text, and the two "is it surely NFC"
/// tables (the string test and the line pass) agree on every character.
@Suite struct IngestNormalizationTests {
    private static let sentence =
        "Sáng 26/12, Đảng ủy Tổng cục Công nghiệp quốc phòng tổ chức Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2022; Thượng tướng Nguyễn Tân Cương dự và chỉ đạo. Ảnh: PHƯƠNG ANH\n"

    @Test func chunkedNFCEqualsWholeTextNFC() {
        // Decomposed, long enough for many chunks, with chunk ends falling inside runs of marks.
        let nfd = String(repeating: Self.sentence, count: 400).decomposedStringWithCanonicalMapping
        #expect(nfd.utf8.count > ChunkedNFC.chunkBytes * 4)
        #expect(ChunkedNFC.normalized(nfd) == nfd.precomposedStringWithCanonicalMapping)
        #expect(Array(ChunkedNFC.normalized(nfd).utf8) == Array(nfd.precomposedStringWithCanonicalMapping.utf8))
        // Text with no ASCII at all is one chunk, still right.
        let noASCII = String(repeating: "ệ", count: 20_000).decomposedStringWithCanonicalMapping
        #expect(Array(ChunkedNFC.normalized(noASCII).utf8) == Array(String(repeating: "ệ", count: 20_000).utf8))
    }

    @Test func theTwoSurelyNFCTablesAgreeOnEveryCharacter() {
        var disagreements: [UInt32] = []
        for value in UInt32(0x80)...UInt32(0x2FFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let byString = NoiseFilter.needsNormalization(text)
            var buffer = LineBuffer()
            let byLines = Array(text.utf8).withUnsafeBufferPointer { buffer.normalize($0) }
            if byString != byLines { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).map { String($0, radix: 16) })")
    }
}
