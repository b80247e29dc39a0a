import CLibXML2
import Foundation
import Testing
@testable import ChronicleKit

/// The density scorer on small hand-written pages: blocks are told apart by shape, whatever
/// their class names.
@Suite struct IngestContentScorerTests {
    static let prose = """
        <p>Sáng 14/12, Đảng ủy Lữ đoàn 125 tổ chức Hội nghị tổng kết công tác đảng, công tác chính trị năm 2022. \
        Đại tá Nguyễn Văn Xuân, Bí thư Đảng ủy, Chính ủy Lữ đoàn chủ trì hội nghị.</p>
        <p>Năm qua, Đảng ủy Lữ đoàn đã lãnh đạo đơn vị hoàn thành tốt nhiệm vụ huấn luyện, sẵn sàng chiến đấu; \
        công tác giáo dục chính trị, quản lý tư tưởng được tiến hành thường xuyên, sát đối tượng.</p>
        <p>Năm 2023, hội nghị xác định tập trung nâng cao chất lượng huấn luyện, diễn tập, xây dựng Đảng bộ \
        trong sạch, vững mạnh, đơn vị vững mạnh toàn diện.</p>
        """

    /// Parses `html`, scores it, and hands the scorer and a lookup by id to `body`.
    func scored(_ html: String, _ body: (ContentScorer, (String) -> xmlNodePtr?) -> Void) {
        let bytes = Array(html.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard case .success(let document) = HTMLDocument.parse(buffer, encoding: "UTF-8"), let root = document.root else {
                Issue.record("not parsed")
                return
            }
            let scorer = ContentScorer(scoring: root)
            body(scorer) { id in
                var found: xmlNodePtr?
                root.walk(
                    enter: { node in
                        if found == nil, node.isElement, node.attribute("id") == id { found = node }
                        return found == nil
                    }, leave: { _ in })
                return found
            }
        }
    }

    @Test func aLinkListIsFurniture() {
        scored(
            """
            <html><body><div id="c">\(Self.prose)</div>
            <div id="l"><div>Tin khác</div><ul>
            <li><a href="/1">Đảng ủy Sư đoàn 9 tổng kết công tác năm 2022</a></li>
            <li><a href="/2">Trung đoàn 52 tổ chức hội nghị quân chính</a></li>
            <li><a href="/3">Lữ đoàn 596 ra nghị quyết lãnh đạo năm 2023</a></li>
            </ul></div></body></html>
            """
        ) { scorer, node in
            #expect(scorer.isFurniture(node("l")!))
            #expect(!scorer.isFurniture(node("c")!))
            // What is left of it once its links are out is its heading, "Tin khác".
            let list = scorer.stats(node("l")!)!
            #expect(list.totalChars > 100 && list.text.chars == 7)
        }
    }

    @Test func aParagraphBlockIsTheContent() {
        scored(
            """
            <html><body><div id="menu"><a href="/">Trang chủ</a> <a href="/qp">Quốc phòng</a></div>
            <div id="wrap"><div id="c">\(Self.prose)</div><div id="side"><p>Đường dây nóng: 069.555</p></div></div>
            </body></html>
            """
        ) { scorer, node in
            let c = node("c")!
            #expect(scorer.content()?.root == c)
            #expect(!scorer.isFurniture(c))
            #expect(scorer.isFurniture(node("menu")!))
            let stats = scorer.stats(c)!
            #expect(stats.lines == 3)
            #expect(stats.proseChars == stats.text.chars)
            #expect(stats.text.commas >= 9)
            #expect(stats.linkDensity == 0)
        }
    }

    @Test func aCommentThreadIsFurniture() {
        let comment = { (name: String, time: String, text: String) in
            "<div class=\"c1\"><div><b>\(name)</b> <span>\(time)</span></div><div>\(text)</div><div><span>Trả lời</span> · <span>Thích</span></div></div>"
        }
        scored(
            """
            <html><body><div id="c">\(Self.prose)</div>
            <div id="t"><div>Ý kiến bạn đọc (4)</div>
            \(comment("Nguyễn Văn An", "09:12 15/12/2022", "Năm ngoái Đảng ủy Sư đoàn 9 cũng tổ chức hội nghị tổng kết rất thành công, chúc mừng đơn vị."))
            \(comment("Trần Thị Lan", "10:05 15/12/2022", "Mong các đồng chí tiếp tục phát huy truyền thống."))
            \(comment("Lê Minh Quân", "11:40 15/12/2022", "Hôm 12/12 Đảng ủy Trung đoàn 52 cũng vừa tổng kết công tác đảng năm 2022."))
            \(comment("Phạm Hòa", "14:22 15/12/2022", "Rất tự hào."))
            </div></body></html>
            """
        ) { scorer, node in
            #expect(scorer.isFurniture(node("t")!))
            #expect(scorer.content()?.root == node("c")!)
        }
    }

    @Test func aCardGridIsFurnitureWhateverItsClassSays() {
        let card = { (title: String, teaser: String) in
            "<div class=\"article-body\"><a href=\"/x\"><img src=\"a.jpg\"></a><a href=\"/x\">\(title)</a><p>\(teaser)</p></div>"
        }
        scored(
            """
            <html><body><div class="col-8"><div id="c">\(Self.prose)</div>
            <div id="g" class="content">
            \(card("Đảng ủy Sư đoàn 9 tổng kết công tác năm 2022", "Ngày 16/12, Đảng ủy Sư đoàn 9 tổ chức hội nghị tổng kết công tác lãnh đạo năm 2022."))
            \(card("Lữ đoàn 513 ra nghị quyết lãnh đạo năm 2023", "Sáng 15/12, Đảng ủy Lữ đoàn 513 họp phiên thường kỳ, ra nghị quyết lãnh đạo."))
            \(card("Trung đoàn 141 kiểm điểm tự phê bình", "Chiều 12/12, Đảng ủy Trung đoàn 141 tổ chức kiểm điểm, đánh giá, xếp loại."))
            </div></div></body></html>
            """
        ) { scorer, node in
            #expect(scorer.isFurniture(node("g")!))
            #expect(scorer.content()?.root == node("c")!)
        }
    }

    @Test func aSingleCardInTheBodyIsFurniture() {
        scored(
            """
            <html><body><div id="c">\(Self.prose)
            <div id="k"><a href="/x"><img src="a.jpg"></a><div><a href="/x">Đảng ủy Sư đoàn 9 tổng kết công tác năm 2022</a></div>\
            <div>Ngày 16/12, Đảng ủy Sư đoàn 9 tổ chức hội nghị tổng kết công tác lãnh đạo năm 2022.</div></div>
            <p id="a">Tin, ảnh: <a href="/tac-gia/7">ĐỨC MINH</a></p></div></body></html>
            """
        ) { scorer, node in
            #expect(scorer.isFurniture(node("k")!))
            #expect(!scorer.isFurniture(node("a")!))
            #expect(scorer.content()?.root == node("c")!)
        }
    }

    @Test func shortSectionsOfParagraphsAreNotRecords() {
        let section = """
            <div class="s"><p>Năm qua, Đảng ủy Lữ đoàn đã lãnh đạo đơn vị hoàn thành tốt nhiệm vụ huấn luyện, sẵn sàng chiến đấu.</p>\
            <p>Công tác giáo dục chính trị, quản lý tư tưởng được tiến hành thường xuyên, sát đối tượng.</p></div>
            """
        scored("<html><body><div id=\"c\">" + String(repeating: section, count: 3) + "</div></body></html>") { scorer, node in
            #expect(!scorer.isFurniture(node("c")!))
            #expect(scorer.content()?.root == node("c")!)
        }
    }

    @Test func aClassNameAloneMakesNothingFurniture() {
        // A prose block named like a widget is still the article; a short named one is not.
        scored(
            """
            <html><body><div id="c" class="related-box">\(Self.prose)</div>
            <div id="s" class="share-tools"><span>Chia sẻ</span> <span>In bài</span></div></body></html>
            """
        ) { scorer, node in
            #expect(!scorer.isFurniture(node("c")!))
            #expect(scorer.content()?.root == node("c")!)
            #expect(scorer.isFurniture(node("s")!))
        }
    }

    @Test func aRelatedListInsideTheArticleIsDroppedAndTheLeadBeforeItKept() {
        let html = """
            <html><body><div class="w"><h1>Lữ đoàn 125 tổng kết năm 2022</h1>
            <div class="a1">Sáng 14/12, Đảng ủy Lữ đoàn 125 tổ chức hội nghị tổng kết công tác đảng, công tác chính trị năm 2022.</div>
            <div class="a2">\(Self.prose)
            <ul><li><a href="/1">Đảng ủy Sư đoàn 9 tổng kết công tác năm 2022</a></li><li><a href="/2">Trung đoàn 52 tổ chức hội nghị quân chính</a></li></ul>
            <p>Tin, ảnh: MINH ĐỨC</p></div></div></body></html>
            """
        let article = ExtractTestSupport.loader.load(data: Data(html.utf8), source: "a.html", format: .html)[0]
        let lines = article.text.split(separator: "\n")
        #expect(lines.first == "Lữ đoàn 125 tổng kết năm 2022")
        #expect(lines.dropFirst().first?.hasPrefix("Sáng 14/12, Đảng ủy Lữ đoàn 125") == true)
        #expect(lines.last == "Tin, ảnh: MINH ĐỨC")
        #expect(!article.text.contains("Sư đoàn 9"))
        #expect(!article.text.contains("Trung đoàn 52"))
    }

    @Test func aLeadIsFoundPastAShareBarOrALinkedTeaser() {
        let body = "<div class=\"b\">\(Self.prose)</div>"
        let lead = "<div class=\"s\">Sáng 14/12, Đảng ủy Lữ đoàn 125 tổ chức hội nghị tổng kết công tác đảng năm 2022.</div>"
        let share = "<div class=\"t\"><a href=\"#\">Facebook</a> <a href=\"#\">Zalo</a> <a href=\"#\">In bài</a></div>"
        let loader = ExtractTestSupport.loader
        let passed = loader.load(
            data: Data("<html><body><div>\(lead)\(share)\(body)</div></body></html>".utf8), source: "a.html", format: .html)[0]
        #expect(passed.text.hasPrefix("Sáng 14/12, Đảng ủy Lữ đoàn 125 tổ chức hội nghị"))
        #expect(!passed.text.contains("Zalo"))
        // A teaser that is mostly a link (another article) is furniture, never a lead.
        let linked =
            "<div class=\"t\">Sáng 12/12, <a href=\"/x\">Đảng ủy Sư đoàn 9 tổ chức hội nghị tổng kết công tác đảng năm 2022</a>.</div>"
        let passedLink = loader.load(
            data: Data("<html><body><div>\(lead)\(linked)\(body)</div></body></html>".utf8), source: "b.html", format: .html)[0]
        #expect(passedLink.text.hasPrefix("Sáng 14/12, Đảng ủy Lữ đoàn 125 tổ chức hội nghị"))
        #expect(!passedLink.text.contains("Sư đoàn 9"))
    }

    @Test func costGrowsWithThePageNotFaster() {
        // 20,000 comment-like records and a long menu: one walk, fixed work per element.
        let record =
            "<div class=\"r\"><div><b>Bạn đọc</b> <span>10:00</span></div><div>Ý kiến ngắn, cảm ơn.</div><div><a href=\"#\">Trả lời</a></div></div>"
        let html =
            "<html><body><div id=\"c\">\(Self.prose)</div><div id=\"t\">" + String(repeating: record, count: 20_000)
            + "</div><div id=\"m\">" + String(repeating: "<a href=\"/x\">Mục</a> ", count: 20_000) + "</div></body></html>"
        let clock = ContinuousClock()
        let started = clock.now
        let article = ExtractTestSupport.loader.load(data: Data(html.utf8), source: "lon.html", format: .html)[0]
        #expect(clock.now - started < .seconds(10))
        #expect(article.text.hasPrefix("Sáng 14/12"))
        #expect(!article.text.contains("Bạn đọc"))
    }
}
