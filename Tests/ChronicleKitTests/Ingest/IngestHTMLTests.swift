import Foundation
import Testing
@testable import ChronicleKit

@Suite struct IngestHTMLTests {
    let loader = ExtractTestSupport.loader

    func load(_ html: String, source: String = "trang.html") -> Article {
        let articles = loader.load(data: Data(html.utf8), source: source, format: .html)
        #expect(articles.count == 1)
        return articles[0]
    }

    static let page = """
        <!DOCTYPE html>
        <html lang="vi"><head>
        <meta charset="utf-8">
        <title>Đảng ủy Quân khu 4 tổng kết công tác năm 2022 - Báo Quân đội nhân dân</title>
        <meta property="og:title" content="Đảng ủy Quân khu 4 tổng kết công tác năm 2022">
        <meta property="og:url" content="https://www.qdnd.vn/og/12345">
        <link rel="canonical" href="https://www.qdnd.vn/chinh-tri/dang-uy-quan-khu-4-12345">
        <meta property="article:published_time" content="2022-12-28T06:45:00+07:00">
        <style>.x { color: red }</style>
        <script>var tracking = "Đây không phải nội dung";</script>
        </head><body>
        <header><nav><a href="/">Trang chủ</a> <a href="/qp">Quốc phòng</a></nav></header>
        <div class="main-wrapper">
          <aside class="sidebar"><h3>Tin đọc nhiều</h3><ul><li>Bài khác về huấn luyện</li></ul></aside>
          <article class="article-detail">
            <h1 class="title">Đảng ủy Quân khu 4 tổng kết công tác năm 2022</h1>
            <div class="share-tools"><button>Chia sẻ</button> <a>Facebook</a></div>
            <div class="article-body">
              <p>Chiều 27-12, Đảng ủy <b>Quân khu 4</b> tổ chức hội nghị tổng kết công tác lãnh đạo năm 2022.</p>
              <figure><img src="a.jpg"><figcaption>Trung tướng Nguyễn Doãn Anh phát biểu.</figcaption></figure>
              <p>Năm 2023, Đảng ủy Quân khu xác định<br>nhiệm vụ trọng tâm là nâng cao chất lượng huấn luyện.</p>
              <script>document.write("quảng cáo")</script>
              <p>Tin, ảnh: HOÀNG ANH</p>
            </div>
            <div class="comment-box"><form><label>Họ và tên:</label><input name="n"><textarea></textarea></form></div>
          </article>
        </div>
        <footer>Bản quyền thuộc về Báo Quân đội nhân dân</footer>
        </body></html>
        """

    @Test func readsMetadataAndTheArticleBody() {
        let result = load(Self.page)
        #expect(result.status == .ok)
        #expect(result.title == "Đảng ủy Quân khu 4 tổng kết công tác năm 2022")
        #expect(result.url == "https://www.qdnd.vn/chinh-tri/dang-uy-quan-khu-4-12345")
        #expect(result.referenceDate == ReferenceDate(value: PartialDate(year: 2022, month: 12, day: 28), basis: "html-meta"))
        #expect(
            result.text == """
                Chiều 27-12, Đảng ủy Quân khu 4 tổ chức hội nghị tổng kết công tác lãnh đạo năm 2022.
                Trung tướng Nguyễn Doãn Anh phát biểu.
                Năm 2023, Đảng ủy Quân khu xác định
                nhiệm vụ trọng tâm là nâng cao chất lượng huấn luyện.
                Tin, ảnh: HOÀNG ANH
                """)
    }

    @Test func keepsTheLeadParagraphBesideTheBodyContainer() {
        let body = String(repeating: "<p>Các đại biểu thảo luận, đóng góp ý kiến vào báo cáo chính trị của Đảng ủy.</p>", count: 12)
        let result = load(
            """
            <html><body><article class="article-detail">
            <h1>Đảng ủy Sư đoàn 9 sơ kết 6 tháng</h1>
            <div class="sapo">QĐND Online - Sáng 29-6, Đảng ủy Sư đoàn 9 tổ chức hội nghị sơ kết 6 tháng đầu năm.</div>
            <div class="post-content">\(body)<p>Tin, ảnh: MINH ĐỨC</p></div>
            </article>
            <div class="summary-box"><p>Không liên quan.</p></div>
            </body></html>
            """)
        let lines = result.text.split(separator: "\n")
        #expect(
            lines.prefix(2) == [
                "Đảng ủy Sư đoàn 9 sơ kết 6 tháng", "QĐND Online - Sáng 29-6, Đảng ủy Sư đoàn 9 tổ chức hội nghị sơ kết 6 tháng đầu năm.",
            ])
        #expect(lines.last == "Tin, ảnh: MINH ĐỨC")
        #expect(!result.text.contains("Không liên quan"))

        // A lead placed just before a content container that has no common container with it.
        let loose = load(
            """
            <html><body><div class="wrap"><p class="lead">Chiều 26/12, Đảng ủy Lữ đoàn 215 tổng kết năm.</p>
            <div class="content">\(body)</div></div></body></html>
            """)
        #expect(loose.text.hasPrefix("Chiều 26/12, Đảng ủy Lữ đoàn 215 tổng kết năm.\n"))
    }

    @Test func fallsBackToTitleElementH1AndOgURL() {
        let withTitle = load(
            "<html><head><title> Hội nghị  Ban Thường vụ </title><meta property=\"og:url\" content=\"https://qpvn.vn/a\"></head><body><h1>Khác</h1><p>Nội dung hội nghị.</p></body></html>"
        )
        #expect(withTitle.title == "Hội nghị Ban Thường vụ")
        #expect(withTitle.url == "https://qpvn.vn/a")
        let withH1 = load("<html><body><h1>Đại hội Đảng bộ Lữ đoàn 215</h1><p>Nội dung đại hội.</p></body></html>")
        #expect(withH1.title == "Đại hội Đảng bộ Lữ đoàn 215")
        #expect(withH1.url == nil)
        #expect(withH1.referenceDate == nil)
    }

    @Test func dropsTheSiteNameFromTheTitleElement() {
        let cases: [(String, String)] = [
            ("<title>Hội nghị quân chính năm 2023 - Báo Quân đội nhân dân</title>", "Hội nghị quân chính năm 2023"),
            ("<title>Đại hội Đảng bộ Quân khu 7 | qdnd.vn</title>", "Đại hội Đảng bộ Quân khu 7"),
            ("<title>Sơ kết 6 tháng - kết quả nổi bật</title>", "Sơ kết 6 tháng - kết quả nổi bật"),
        ]
        for (head, title) in cases {
            #expect(load("<html><head>\(head)</head><body><p>Nội dung.</p></body></html>").title == title)
        }
        let withH1 = load(
            "<html><head><title>Hội nghị Đảng ủy Quân chủng Hải quân — Trang chủ</title></head><body><h1>Hội nghị Đảng ủy Quân chủng Hải quân</h1><p>Nội dung.</p></body></html>"
        )
        #expect(withH1.title == "Hội nghị Đảng ủy Quân chủng Hải quân")
    }

    @Test func readsDateMetadataVariants() {
        let cases: [(String, PartialDate, String)] = [
            ("<meta name=\"pubdate\" content=\"2023-01-05\">", PartialDate(year: 2023, month: 1, day: 5), "html-meta"),
            (
                "<meta itemprop=\"datePublished\" content=\"2022-06-30T23:30:00-05:00\">", PartialDate(year: 2022, month: 6, day: 30),
                "html-meta"
            ),
            ("<meta name=\"pubdate\" content=\"05/01/2023 08:00\">", PartialDate(year: 2023, month: 1, day: 5), "html-meta"),
            ("<time datetime=\"2022-12-26T15:00:00+07:00\">26/12/2022</time>", PartialDate(year: 2022, month: 12, day: 26), "html-time"),
            (
                "<span itemprop=\"datePublished\" content=\"2021-03-02\">2/3/2021</span>", PartialDate(year: 2021, month: 3, day: 2),
                "html-meta"
            ),
        ]
        for (markup, date, basis) in cases {
            let result = load("<html><head></head><body><div>\(markup)<p>Hội nghị Đảng ủy.</p></div></body></html>")
            #expect(result.referenceDate == ReferenceDate(value: date, basis: basis), "\(markup)")
        }
        let bad = load("<html><body><meta name=\"pubdate\" content=\"hôm qua\"><p>Hội nghị.</p></body></html>")
        #expect(bad.referenceDate == nil)
    }

    /// A page whose publication date is not a date keeps it, with the field, for the run to warn
    /// of; a readable `<time>` takes its place when there is one, and then nothing is wrong.
    @Test func aMetaDateThatIsNoDateIsKeptForAWarning() {
        let body = "<body><article><p>Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị tổng kết.</p></article></body>"
        let meta = load(#"<html><head><meta property="article:published_time" content="thứ Ba tuần sau"></head>"# + body + "</html>")
        #expect(meta.status == .ok && meta.referenceDate == nil)
        #expect(meta.unreadableDate == #"meta article:published_time "thứ Ba tuần sau""#)
        let time = load("<html><head></head><body><time datetime=\"31/02/2023\">hôm qua</time>" + body.dropFirst(6) + "</html>")
        #expect(time.unreadableDate == #"time datetime "31/02/2023""#)
        let rescued = load(
            #"<html><head><meta name="pubdate" content="2022.5"></head><body><time datetime="2023-01-06">6/1</time>"#
                + body.dropFirst(6) + "</html>")
        #expect(rescued.unreadableDate == nil && rescued.referenceDate?.basis == "html-time")
    }

    @Test func prefersTheTimeInsideTheArticle() {
        let html = """
            <html><body><div class="top"><time datetime="2024-01-01">Hôm nay</time></div>
            <article><time datetime="2022-12-27">27/12/2022</time>
            <p>Đảng ủy Binh đoàn 12 tổ chức hội nghị tổng kết công tác Đảng năm 2022 với nhiều nội dung quan trọng.</p></article>
            </body></html>
            """
        #expect(load(html).referenceDate == ReferenceDate(value: PartialDate(year: 2022, month: 12, day: 27), basis: "html-time"))
    }

    @Test func usesTheBodyWithoutAContainer() {
        let html =
            "<html><body><nav>Trang chủ | Tin tức</nav><p>Đoạn một của bài.</p><div>Đoạn hai <i>nghiêng</i> tiếp.</div><footer>Liên hệ</footer></body></html>"
        #expect(load(html).text == "Đoạn một của bài.\nĐoạn hai nghiêng tiếp.")
    }

    @Test func keepsSpacesBetweenInlineElementsAndSplitsBlocks() {
        let html =
            "<html><body><div class=\"content\"><p><b>Đảng ủy</b> <i>Quân khu 9</i> <a href=\"#\">tổ chức</a> hội nghị<img src=\"a.jpg\"> <time>sáng 5-1</time>.</p><ul><li>Một</li><li>Hai</li></ul><table><tr><td>Ô 1</td><td>Ô 2</td></tr></table></div></body></html>"
        #expect(load(html).text == "Đảng ủy Quân khu 9 tổ chức hội nghị sáng 5-1.\nMột\nHai\nÔ 1 Ô 2")
    }

    @Test func keepsLiteralSpecialCharacters() {
        let html = "<html><body><p>Tỷ lệ &lt;90% &amp; công thức =SUM(A1) ]]&gt; và <![CDATA[x]]> 5 < 7 &nbsp;giữ nguyên.</p></body></html>"
        let result = load(html)
        #expect(result.text.contains("Tỷ lệ <90% & công thức =SUM(A1) ]]>"))
        #expect(result.text.contains("5 < 7 giữ nguyên."))
    }

    @Test func readsDeclaredLegacyCharset() {
        // "Hội nghị" is not in Latin-1; use Latin-1 letters only: "Quân đội" -> "Qu\u{E2}n" works in Latin-1.
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Qu".utf8)
        bytes += [0xE2] + Array("n khu v\u{E0}".utf8.prefix(7)) + Array("</p></body></html>".utf8)
        let result = loader.load(data: Data(bytes), source: "latin.html", format: .html)[0]
        #expect(result.status == .ok)
        #expect(result.text.hasPrefix("Quân khu v"))
    }

    @Test func refusesAnUnknownCharsetAndInvalidUTF8() {
        let unknown = load("<html><head><meta charset=\"x-khong-co\"></head><body><p>Bài</p></body></html>")
        #expect(unknown.status == .unsupported)
        #expect(unknown.error == "unknown character encoding \"x-khong-co\"")
        let broken = loader.load(data: Data(Array("<p>Qu".utf8) + [0xE2, 0x6E]), source: "x.html", format: .html)[0]
        #expect(broken.status == .unreadable)
        #expect(broken.error == "not valid UTF-8 text (byte 0xE2 at offset 5)")
    }

    @Test func emptyPagesAreEmpty() {
        #expect(load("").status == .empty)
        #expect(load("<html><head><title>Trang</title></head><body><script>x()</script></body></html>").status == .empty)
    }

    @Test func neverReadsLocalFilesThroughExternalEntities() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("bi-mat.txt")
        try Data("MAT-KHAU-BI-MAT-42".utf8).write(to: secret)
        let html = """
            <?xml version="1.0"?>
            <!DOCTYPE html [
              <!ENTITY xxe SYSTEM "file://\(secret.path)">
              <!ENTITY % remote SYSTEM "file://\(secret.path)"> %remote;
            ]>
            <html><body><p>Hội nghị &xxe; tổng kết.</p><p>&xxe;</p></body></html>
            """
        let result = load(html)
        #expect(!result.text.contains("MAT-KHAU"))
        #expect(result.title?.contains("MAT-KHAU") != true)
        #expect(result.text.contains("Hội nghị"))
    }

    @Test func entityBombStaysSmall() {
        var doctype = "<!DOCTYPE html [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        doctype += "]>"
        let html = doctype + "<html><body><p>Hội nghị &lol9; kết thúc.</p></body></html>"
        let clock = ContinuousClock()
        let started = clock.now
        let result = load(html)
        #expect(clock.now - started < .seconds(2))
        #expect(result.text.utf8.count < 10_000)
        #expect(result.text.contains("Hội nghị"))
    }

    @Test func survivesDeepNesting() {
        let depth = 10_000
        let html =
            "<html><body><p>Đoạn mở đầu của bài viết.</p>" + String(repeating: "<div>", count: depth) + "Nội dung sâu"
            + String(repeating: "</div>", count: depth) + "<p>Đoạn cuối.</p></body></html>"
        let result = load(html)
        #expect(result.status == .ok)
        #expect(result.text.hasPrefix("Đoạn mở đầu của bài viết."))
        let onlyDeep = load(String(repeating: "<span>", count: depth) + "Nội dung sâu")
        #expect(onlyDeep.status != .ok || onlyDeep.text == "Nội dung sâu")
        if onlyDeep.status != .ok { #expect(onlyDeep.error?.isEmpty == false) }
    }

    @Test func readsTheHTMLFixture() throws {
        let url = IngestFixtures.url("hoi-nghi-quan-khu.html")
        let result = loader.load(InputFile(url: url, displayPath: "hoi-nghi-quan-khu.html"))
        #expect(result.count == 1)
        #expect(result[0].status == .ok)
        #expect(result[0].title == "Quân khu 9 sơ kết 6 tháng đầu năm 2023")
        #expect(result[0].referenceDate == ReferenceDate(value: PartialDate(year: 2023, month: 7, day: 14), basis: "html-time"))
        #expect(!result[0].text.contains("Trang chủ"))
        #expect(!result[0].text.contains("Bình luận"))
        #expect(result[0].text.contains("Tin: QUỐC VIỆT"))
    }
}
