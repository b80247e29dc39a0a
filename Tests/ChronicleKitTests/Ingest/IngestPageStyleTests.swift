import CLibXML2
import Foundation
import Testing
@testable import ChronicleKit

/// Whole pages saved from sites of different layouts give the same events as their bare text,
/// and none of their furniture (menus, related news, card grids, comments) reaches the text.
/// Pages and texts are invented, in the style of the Vietnamese military press.
@Suite struct IngestPageStyleTests {
    struct Page: CustomTestStringConvertible, Sendable {
        /// The file name in Fixtures/pages without extension: `.html` the page, `.txt` its bare text.
        var name: String
        /// Titles of links and teasers in the page's furniture, naming other units' conferences.
        var furniture: [String]
        var testDescription: String { name }
    }

    static let pages: [Page] = [
        Page(
            name: "bang-aspnet-lu-doan-175",
            furniture: [
                "Đảng ủy Sư đoàn 9 tổng kết công tác năm 2022", "Trung đoàn 52 tổ chức hội nghị quân chính",
                "Đảng ủy Lữ đoàn 596 ra nghị quyết", "Tiểu đoàn 14 kiểm điểm", "Trung đoàn 250 tổng kết",
                "Sư đoàn 330 sơ kết", "Lữ đoàn 384 đại hội thi đua", "Kế hoạch kiểm điểm", "Biểu quyết", "Chuyên mục",
            ]),
        Page(
            name: "div-the-su-doan-395",
            furniture: [
                "Đảng ủy Sư đoàn 9 tổng kết", "Đại tá Lê Văn Bình", "Lữ đoàn 513", "Trung đoàn 141", "Bộ CHQS tỉnh Ninh Bình",
                "Sư đoàn 350", "Tiểu đoàn 18", "Quân khu 3 tổng kết diễn tập", "Lữ đoàn 201", "Trung đoàn 43", "Thái Bình",
                "Tin cùng chuyên mục", "Đọc nhiều", "Đường dây nóng", "Trang tin điện tử",
            ]),
        Page(
            name: "html5-article-quan-doan-12",
            furniture: [
                "Đảng ủy Sư đoàn 9 tổng kết", "Lữ đoàn 164", "Trung đoàn 165", "Sư đoàn 312", "Xem thêm",
            ]),
        Page(
            name: "binh-luan-bchqs-ha-nam",
            furniture: [
                "Ý kiến bạn đọc", "Sư đoàn 301", "Lữ đoàn 96", "Kim Bảng", "Nguyễn Hữu Tâm", "Trả lời", "Thích", "Cảm ơn phóng viên",
                "Lượt xem",
            ]),
        Page(
            name: "sapo-ngoai-bchqs-quang-nam",
            furniture: [
                "Quảng Ngãi", "Núi Thành", "Sư đoàn 315", "Tin đã đưa", "Liên kết website", "Đang truy cập", "Quân khu 5",
            ]),
        Page(name: "ban-in-quan-doan-3", furniture: ["window.print", "font-family"]),
        Page(
            name: "lop-danh-lua-hoc-vien",
            furniture: [
                "Học viện Kỹ thuật quân sự", "Trường Sĩ quan Lục quân 2", "Học viện Quân y", "Tổng cục Hậu cần", "Lữ đoàn 971",
                "Cục Vận tải", "Tin nổi bật", "Trang chủ", "Cổng thông tin mẫu",
            ]),
        Page(
            name: "hon-hop-lu-doan-229",
            furniture: [
                "Lữ đoàn 25", "Trung đoàn 88", "Lữ đoàn 414", "Lê Thành", "Hoàng Văn Sơn", "Ý kiến (3)", "Trung đoàn 691",
                "Sư đoàn 5", "Lữ đoàn 279", "Zalo", "Đăng nhập", "Cơ sở",
            ]),
    ]

    static let folder = TestPaths.fixtures.appendingPathComponent("pages")
    let loader = ExtractTestSupport.loader

    func load(_ page: Page) throws -> (html: Article, text: Article) {
        let base = Self.folder.appendingPathComponent(page.name)
        let html = loader.load(data: try Data(contentsOf: base.appendingPathExtension("html")), source: page.name + ".html", format: .html)[
            0]
        var text = loader.load(data: try Data(contentsOf: base.appendingPathExtension("txt")), source: page.name + ".txt", format: .text)[0]
        // The same article as a crawler delivers it: the publication date comes with it.
        text.referenceDate = html.referenceDate
        return (html, text)
    }

    struct EventKey: Equatable, CustomStringConvertible {
        var unit: String
        var kind: EventKind
        var date: PartialDate?
        var chair: String?
        init(_ event: Event) {
            unit = event.unit.name
            kind = event.kind
            date = event.date.value
            chair = event.chair?.name
        }
        var description: String { "\(unit) \(kind.rawValue) \(date.map { "\($0)" } ?? "-") \(chair ?? "-")" }
    }

    @Test(arguments: pages) func pageGivesTheEventsOfItsBareText(_ page: Page) throws {
        let (html, text) = try load(page)
        #expect(html.status == .ok)
        let fromPage = ExtractTestSupport.extractor.extract(html).map(EventKey.init)
        let fromText = ExtractTestSupport.extractor.extract(text).map(EventKey.init)
        #expect(!fromText.isEmpty)
        #expect(fromPage == fromText, "page text:\n\(html.text)")
    }

    @Test(arguments: pages) func pageTextHoldsNoFurniture(_ page: Page) throws {
        let (html, _) = try load(page)
        let text = html.text.lowercased()
        for title in page.furniture {
            #expect(!text.contains(title.lowercased()), "\(title) in:\n\(html.text)")
        }
    }
}
