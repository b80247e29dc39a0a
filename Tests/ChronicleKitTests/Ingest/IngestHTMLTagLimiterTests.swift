import Foundation
import Testing
@testable import ChronicleKit

/// One element with a great many attributes must not cost libxml2 quadratic time.
@Suite struct IngestHTMLTagLimiterTests {
    private func limited(_ html: String) -> String? {
        Array(html.utf8).withUnsafeBufferPointer { HTMLTagLimiter.limited($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func ordinaryPagesAreLeftUntouched() {
        #expect(limited(#"<div class="a" id='b' data-x = "1" hidden><p title="x > y">Hội nghị</p></div>"#) == nil)
        #expect(limited("<p>a < b</p><!-- <a x y z> --><br/>") == nil)
    }

    @Test func attributesBeyondTheCapAreDropped() throws {
        let many = (0..<500).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        let html = "<div \(many)>Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị.</div><p q=1>kết</p>"
        let out = try #require(limited(html))
        #expect(out.contains(#"a99="99""#))
        #expect(!out.contains(#"a100="100""#))
        #expect(out.hasSuffix(">Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị.</div><p q=1>kết</p>"))
    }

    @Test func aPageWithAnAttributeFloodStillGivesItsText() throws {
        let many = (0..<50_000).map { "x\($0)" }.joined(separator: " ")
        let html =
            "<html><body><article><p \(many)>Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức Hội nghị tổng kết công tác đảng, công tác chính trị năm 2022.</p></article></body></html>"
        let articles = ExtractTestSupport.loader.load(data: Data(html.utf8), source: "flood.html", format: .html)
        #expect(articles.first?.status == .ok)
        #expect(articles.first?.text.contains("Lữ đoàn 96") == true)
    }
}
