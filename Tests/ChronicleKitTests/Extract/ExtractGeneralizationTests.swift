import Foundation
import Testing
@testable import ChronicleKit

/// Rules added for passages the dev set does not cover; every sentence here is written for the test.
@Suite struct ExtractGeneralizationTests {
    typealias S = ExtractTestSupport

    @Test func spanInWordsGivesTheStartDay() throws {
        let e = try #require(
            S.event(
                "Đại hội đại biểu Đảng bộ Lữ đoàn 170 (Quân khu 9) lần thứ XII, nhiệm kỳ 2025-2030 diễn ra từ 21 đến 23-4 tại hội trường đơn vị.",
                published: "2025-04-24"))
        #expect(e.date.value == PartialDate(iso: "2025-04-21"))
        let d = S.dates("Hội nghị diễn ra từ ngày 3 đến ngày 5/9/2024 tại Hà Nội.")
        #expect(d.first.map { [$0.day, $0.month, $0.year] } == [3, 9, 2024])
    }

    @Test func congressYearComesFromItsOwnTermAndTheParentInParenthesesIsNotTheOrganizer() throws {
        let text = """
            Đại hội đại biểu Đảng bộ Trung đoàn 96 (Sư đoàn 9) lần thứ X, nhiệm kỳ 2020-2025
            Đoàn Chủ tịch điều hành phiên khai mạc đại hội.
            Nhiệm kỳ 2015-2020, Đảng ủy Trung đoàn đã lãnh đạo đơn vị hoàn thành tốt nhiệm vụ.
            """
        let e = try #require(S.event(text))
        #expect(e.unit.name == "Trung đoàn 96")
        #expect(e.kind == .partyCongress)
        #expect(e.date.value == PartialDate(year: 2020))
        #expect(e.period == "2020-2025")
    }

    @Test func anHTMLHeadlineIsReadBeforeTheBody() throws {
        var article = S.article(
            "Đoàn Chủ tịch điều hành đại hội. Đại hội bầu Ban Chấp hành khóa mới gồm 11 đồng chí.", published: "2025-05-20")
        article.title = "Đại hội đại biểu Đảng bộ Trung đoàn 101 lần thứ XV, nhiệm kỳ 2025-2030"
        let e = try #require(S.extractor.extract(article).first)
        #expect(e.unit.name == "Trung đoàn 101")
        #expect(e.kind == .partyCongress)
    }

    @Test func anOtherEventNamedAsATopicDoesNotHideTheMeeting() throws {
        let text = """
            Đảng ủy Lữ đoàn 45 ra nghị quyết lãnh đạo nhiệm vụ huấn luyện, diễn tập năm 2024
            Sáng 8-1, Đảng ủy Lữ đoàn 45 tổ chức Hội nghị Đảng ủy lần thứ 9 để ra nghị quyết lãnh đạo nhiệm vụ huấn luyện, diễn tập năm 2024.
            """
        let e = try #require(S.event(text, published: "2024-01-09"))
        #expect(e.kind == .committeeMeeting)
        #expect(e.date.value == PartialDate(iso: "2024-01-08"))
        // Held as the event itself, it still makes the article none of ours.
        #expect(S.event("Sáng 8-1, Lữ đoàn 45 tổ chức diễn tập chỉ huy - cơ quan. Đảng ủy Lữ đoàn theo dõi, đánh giá kết quả.") == nil)
        #expect(
            S.event(
                "Lữ đoàn 45 diễn tập chỉ huy - cơ quan năm 2024\nSáng 8-1, Lữ đoàn tổ chức hội nghị triển khai diễn tập theo nghị quyết của Đảng ủy."
            ) == nil)
    }

    @Test func datelinePrefixesBeforeTheDate() throws {
        for prefix in ["QĐND Online - ", "(QĐND Online) - ", "(BP) - ", "CNQP&KT - "] {
            let e = try #require(
                S.event(
                    "\(prefix)Chiều 14-3, Đảng ủy Sư đoàn 330 tổ chức hội nghị sơ kết công tác đảng, công tác chính trị quý I.",
                    published: "2024-03-15"), "\(prefix)")
            #expect(e.date.value == PartialDate(iso: "2024-03-14"), "\(prefix)")
        }
    }

    @Test func anotherYearThatFitsTheMeetingIsContext() throws {
        let text = """
            Ngày 15-3, Thường vụ Đảng ủy Lữ đoàn 126 tổ chức hội nghị quán triệt nghị quyết của Quân ủy Trung ương ban hành ngày 10-1-2024.
            Ngay trong quý II năm 2024, các chi bộ phải xây dựng chương trình hành động. Năm 2023, Lữ đoàn hoàn thành tốt nhiệm vụ.
            """
        let e = try #require(S.event(text))
        // 2023-03-15 comes before the resolution it studies: only 2024 fits.
        #expect(e.date.value == PartialDate(iso: "2024-03-15"))
        #expect(e.date.basis == .context)
        // The resolution's own year alone justifies nothing.
        let alone = try #require(
            S.event("Sáng 5-5, Đảng ủy Lữ đoàn 126 tổ chức hội nghị học tập Nghị quyết số 12-NQ/ĐU ngày 2-4-2024 của Đảng ủy Quân chủng."))
        #expect(alone.date.value == nil || alone.date.value?.precision == .year && alone.date.basis != .context)
    }

    @Test func plannedBackgroundInterviewAndYouthCongressAreNoMeeting() {
        #expect(
            S.event(
                "Theo kế hoạch, Đại hội đại biểu Đảng bộ Sư đoàn 9 lần thứ XII sẽ được tổ chức từ 2 đến 4-6. Các tiểu ban đã hoàn thành văn kiện, Đảng ủy Sư đoàn kiểm tra công tác chuẩn bị."
            ) == nil)
        #expect(
            S.event(
                "Những năm qua, Đảng ủy Lữ đoàn 162 chú trọng xây dựng chi bộ vững mạnh. Tại Hội nghị Đảng ủy Lữ đoàn lần thứ 5 hồi tháng 4, nhiều ý kiến đề xuất đổi mới sinh hoạt chi bộ. Nhờ đó, Đảng bộ Lữ đoàn nhiều năm liền trong sạch, vững mạnh."
            ) == nil)
        #expect(
            S.event(
                "PV: Thưa đồng chí, Đảng bộ Sư đoàn 2 chuẩn bị đại hội thế nào?\nĐại tá Lê Văn An, Bí thư Đảng ủy: Đảng ủy Sư đoàn tổ chức hội nghị quán triệt chỉ thị từ sớm.\nPV: Xin cảm ơn đồng chí!"
            ) == nil)
        #expect(
            S.event(
                "Đại hội đại biểu Đoàn TNCS Hồ Chí Minh Lữ đoàn 683 lần thứ IX\nNgày 5-10, Đoàn Thanh niên Lữ đoàn 683 tổ chức đại hội. Đảng ủy Lữ đoàn chỉ đạo chặt chẽ."
            ) == nil)
    }

    @Test func preparingForACongressDoesNotMakeTheMeetingHeldPlanned() throws {
        let key = try #require(
            S.event(
                "Sáng 14-3, Ban Thường vụ Đảng ủy Sư đoàn 330 tổ chức Hội nghị cán bộ chủ chốt giới thiệu nhân sự cấp ủy khóa mới, chuẩn bị cho Đại hội đại biểu Đảng bộ Sư đoàn lần thứ XII. Hội nghị do Đại tá Lâm Văn Tới, Bí thư Đảng ủy, Chính ủy Sư đoàn chủ trì.",
                published: "2025-03-15"))
        #expect(key.unit.name == "Sư đoàn 330")
        #expect(key.date.value == PartialDate(iso: "2025-03-14"))
        let review = try #require(
            S.event(
                "Ngày 9-7, Đảng ủy Lữ đoàn 573 tổ chức hội nghị sơ kết 6 tháng đầu năm 2025. Hội nghị xác định những tháng cuối năm tập trung huấn luyện và chuẩn bị đại hội chi bộ nhiệm kỳ mới."
            ))
        #expect(review.kind == .midYearReview)
        // The congress itself being prepared is still only planned.
        #expect(
            S.event(
                "Các cơ quan đang khẩn trương chuẩn bị đại hội đại biểu Đảng bộ Quân đoàn 34 lần thứ II. Đảng ủy Quân đoàn chỉ đạo chặt chẽ công tác nhân sự."
            ) == nil)
    }

    @Test func aMeetingRecalledRightAfterIsBackgroundAndAMilitaryServiceCouncilIsNotPartyWork() {
        #expect(
            S.event(
                "Ngay sau Hội nghị tổng kết công tác năm 2024, Đảng ủy Trung đoàn 42 đã chỉ đạo các tiểu đoàn rà soát kế hoạch huấn luyện. Những ngày này, thao trường của Trung đoàn luôn sôi động."
            ) == nil)
        #expect(
            S.event(
                "Chiều 3-3, Hội đồng Nghĩa vụ quân sự tỉnh Bình Định tổ chức hội nghị tổng kết công tác tuyển quân năm 2025. Đồng chí Trần Minh Quang, Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng chủ trì hội nghị."
            ) == nil)
    }

    @Test func aStudyNamedFirstIsAStudy() throws {
        let e = try #require(
            S.event(
                "Sáng 20-2, Đảng ủy Sư đoàn 10 tổ chức hội nghị học tập, quán triệt nghị quyết của Đảng ủy Quân đoàn về lãnh đạo thực hiện nhiệm vụ năm 2024.",
                published: "2024-02-21"))
        #expect(e.kind == .resolutionStudy)
    }

    @Test func aDepartmentOfANamedUnitKeepsItsParentInTheName() throws {
        let e = try #require(
            S.event(
                "Chiều 3-7, Đảng ủy Cục Hậu cần Quân khu 5 tổ chức hội nghị sơ kết công tác lãnh đạo 6 tháng đầu năm 2024.",
                published: "2024-07-04"))
        #expect(e.unit.name == "Cục Hậu cần Quân khu 5")
    }

    // Mid-article chunks: the lead with the meeting's own description is cut off.

    @Test func aTopicAfterTheMeetingsVerbIsNotItsName() throws {
        let text = """
            Năm 2023, Lữ đoàn 971 hoàn thành tốt nhiệm vụ huấn luyện, sẵn sàng chiến đấu. Đảng ủy Lữ đoàn lãnh đạo chặt chẽ công tác đảng, công tác chính trị.
            Hội nghị đã phát động phong trào thi đua quyết thắng năm 2024.
            """
        #expect(S.event(text) != nil)
        #expect(S.event("Hội nghị tổng kết phong trào thi đua quyết thắng năm 2023 của Lữ đoàn 971. Đảng ủy Lữ đoàn chỉ đạo.") == nil)
    }

    @Test func chairWithASlippedToneMark() throws {
        let e = try #require(
            S.event(
                "Sáng 11-7, Đảng ủy Lữ đoàn 299 tổ chức hội nghị sơ kết 5 năm thực hiện nghị quyết. Đại tá Trần Văn Minh, Bí thư Đảng ủy, Chính ủy Lữ đoàn chủ trị hội nghị.",
                published: "2024-07-12"))
        #expect(e.chair?.name == "Trần Văn Minh")
    }

    @Test func aCaptionNamingTheMeetingOutweighsAnActivityInTheBody() throws {
        let text = """
            Hội nghị tổng kết 10 năm thực hiện Nghị quyết 769 của Lữ đoàn 279
            Thời gian qua, Đảng ủy Lữ đoàn 279 đã cụ thể hóa nghị quyết thành kế hoạch, đồng thời tổ chức học tập, quán triệt cho toàn thể cán bộ, chiến sĩ.
            """
        let e = try #require(S.event(text))
        #expect(e.kind == .resolutionReview)
    }
}
