import Foundation
import Testing
@testable import ChronicleKit

/// Whole-article rules, on short articles written in the style of the military press.
@Suite struct ExtractEventTests {
    private func event(_ text: String, published: String? = nil) -> Event? { ExtractTestSupport.event(text, published: published) }

    @Test func yearEndReviewInDecemberIsThePeriodYear() throws {
        let e = try #require(
            event(
                """
                Đảng ủy Sư đoàn 390 tổng kết công tác Đảng, công tác chính trị năm 2021
                Chiều 28/12, Đảng ủy Sư đoàn 390 tổ chức Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2021, triển khai nhiệm vụ năm 2022. Đại tá Trần Văn Bình, Bí thư Đảng ủy, Chính ủy Sư đoàn chủ trì hội nghị.
                Tin, ảnh: MINH ĐỨC
                """))
        #expect(e.unit.name == "Sư đoàn 390")
        #expect(e.kind == .yearEndReview)
        #expect(e.date.value == PartialDate(year: 2021, month: 12, day: 28))
        #expect(e.date.basis == .periodYear)
        #expect(e.date.partOfDay == .afternoon)
        #expect(e.chair?.name == "Trần Văn Bình")
        #expect(e.chair?.rank == "Đại tá")
        #expect(e.chair?.positions == ["Bí thư Đảng ủy", "Chính ủy Sư đoàn"])
        #expect(e.credits == ["MINH ĐỨC"])
        #expect(!e.people.contains { $0.name == "MINH ĐỨC" })
        #expect(e.organizer == "Đảng ủy Sư đoàn 390")
        #expect(e.period == "2021")
    }

    @Test func yearEndReviewInJanuaryIsTheNextYear() throws {
        let e = try #require(event("Sáng 6/1, Đảng ủy Lữ đoàn 170 tổ chức Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2023."))
        #expect(e.date.value == PartialDate(year: 2024, month: 1, day: 6))
    }

    @Test func chairInDoClause() throws {
        let e = try #require(
            event(
                "Chiều 14-11, Đảng ủy Trung đoàn 165 tổ chức hội nghị học tập nghị quyết. Hội nghị do Đại tá Lê Minh Tuấn, Bí thư Đảng ủy, Chính ủy Trung đoàn 165 chủ trì."
            ))
        #expect(e.chair?.name == "Lê Minh Tuấn")
        #expect(e.unit.name == "Trung đoàn 165")
    }

    @Test func roleBeforeTheListOfPeople() throws {
        let e = try #require(
            event(
                """
                Sáng 8-8, Đảng ủy Lữ đoàn 299 tổ chức hội nghị học tập chuyên đề. Dự và chỉ đạo hội nghị có Thiếu tướng Đỗ Văn Sơn, Phó Chính ủy Quân khu. Chủ trì hội nghị có Đại tá Hà Văn Lâm, Bí thư Đảng ủy Lữ đoàn.
                """))
        #expect(e.chair?.name == "Hà Văn Lâm")
        #expect(e.people.first?.role == .directing)
    }

    @Test func chairsPostOutweighsAGuestsPost() throws {
        let e = try #require(
            event(
                """
                Các đại biểu dự hội nghị.
                Thiếu tướng Vũ Văn Hải, Cục trưởng Cục Quân huấn, Bộ Tổng Tham mưu dự và chỉ đạo hội nghị; Đại tá Ngô Văn Thịnh, Phó Bí thư Đảng ủy, Tư lệnh Binh chủng Đặc công chủ trì hội nghị.
                """))
        #expect(e.unit.name == "Binh chủng Đặc công")
        #expect(e.chair?.name == "Ngô Văn Thịnh")
    }

    @Test func congressNamedOnlyAsDaiHoi() throws {
        let e = try #require(
            event(
                """
                Thượng tướng Phạm Văn Đức tặng hoa chúc mừng Đại hội.
                Đại hội đã thảo luận, thông qua văn kiện và bầu Ban Chấp hành Đảng bộ Sư đoàn 316 khóa mới.
                """))
        #expect(e.kind == .partyCongress)
        #expect(e.unit.name == "Sư đoàn 316")
    }

    @Test func januaryMeetingWithPublicationDate() throws {
        let e = try #require(
            event(
                "(QĐND Online) - Sáng 5-1, Đảng ủy Sư đoàn 5 tổ chức Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2023.",
                published: "2024-01-06"))
        #expect(e.date.value == PartialDate(year: 2024, month: 1, day: 5))
        #expect(e.date.basis == .referenceDate)
        #expect(e.date.evidence?.hasPrefix("(QĐND Online)") == true)
    }

    @Test func yearEndReviewWithoutDayIsNotDated() throws {
        let e = try #require(
            event(
                "Đảng ủy Binh đoàn 16 tổ chức Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2022, triển khai nhiệm vụ năm 2023."))
        #expect(e.date.value == nil)
        #expect(e.date.basis == .unresolved)
    }

    @Test func referenceDateDecidesTheYearAndIsNotBeforeTheMeeting() throws {
        let e = try #require(
            event("Sáng 30/12, Đảng ủy Trung đoàn 52 tổ chức hội nghị học tập, quán triệt nghị quyết.", published: "2023-01-02"))
        #expect(e.date.value == PartialDate(year: 2022, month: 12, day: 30))
        #expect(e.date.basis == .referenceDate)
        #expect(e.kind == .resolutionStudy)
    }

    @Test func datelineInTheTextActsAsReference() throws {
        let article = ExtractTestSupport.article(
            """
            Thứ Ba, 15/03/2022 | 08:10
            Ngày 14-3, Đảng ủy Lữ đoàn 131 tổ chức hội nghị quán triệt nghị quyết của Đảng ủy cấp trên.
            """)
        let record = ExtractTestSupport.extractor.record(for: article)
        #expect(record.referenceDate == ReferenceDate(value: PartialDate(year: 2022, month: 3, day: 15), basis: "dateline"))
        #expect(record.events.first?.date.value == PartialDate(year: 2022, month: 3, day: 14))
    }

    @Test func anniversaryOfTheReviewedResolution() throws {
        let e = try #require(
            event(
                """
                Chiều 20-6, Đảng ủy Sư đoàn 320 tổ chức Hội nghị tổng kết 10 năm thực hiện Nghị quyết số 765-NQ/QUTW ngày 20-12-2012 của Quân ủy Trung ương về nâng cao chất lượng huấn luyện giai đoạn 2013-2020.
                """))
        #expect(e.kind == .resolutionReview)
        #expect(e.unit.name == "Sư đoàn 320")
        #expect(e.date.value == PartialDate(year: 2022, month: 6, day: 20))
        #expect(e.date.basis == .anniversary)
        let doc = try #require(e.documents.first)
        #expect(doc.code == "765-NQ/QUTW")
        #expect(doc.number == "765" && doc.issuer == "QUTW" && doc.type == "Nghị quyết")
        #expect(doc.date == PartialDate(year: 2012, month: 12, day: 20))
    }

    @Test func aStudiedResolutionsDateDoesNotDateTheMeeting() throws {
        let e = try #require(
            event(
                "Sáng 9/5, Đảng ủy Lữ đoàn 147 tổ chức hội nghị quán triệt Nghị quyết số 230-NQ/QUTW ngày 2/4/2022 của Quân ủy Trung ương.")
        )
        #expect(e.date.value == nil)
    }

    @Test func congressYearFromItsOwnTerm() throws {
        let e = try #require(event("Ngày 15-4, Đảng bộ Trung đoàn 750 tổ chức Đại hội đại biểu lần thứ XII, nhiệm kỳ 2025-2030."))
        #expect(e.kind == .partyCongress)
        #expect(e.unit.name == "Trung đoàn 750")
        #expect(e.date.value == PartialDate(year: 2025, month: 4, day: 15))
        #expect(e.period == "2025-2030")
    }

    @Test func guestWhoDirectsIsNeitherOrganizerNorChair() throws {
        let e = try #require(
            event(
                """
                Sáng 12-7, Đảng ủy Quân đoàn 3 tổ chức hội nghị học tập chuyên đề. Thượng tướng Nguyễn Văn An, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng dự và chỉ đạo hội nghị.
                """))
        #expect(e.unit.name == "Quân đoàn 3")
        #expect(e.chair == nil)
        #expect(e.people.first?.role == .directing)
    }

    @Test func openingSpeakerIsNotChair() throws {
        let e = try #require(
            event("Thiếu tướng Lê Văn Hòa, Chính ủy Sư đoàn 2 phát biểu khai mạc hội nghị quán triệt nghị quyết của Đảng ủy Sư đoàn 2."))
        #expect(e.chair == nil)
    }

    @Test func chairAfterSuChuTriCua() throws {
        let e = try #require(
            event("Sáng 3/3, Quân ủy Trung ương tổ chức Phiên họp lần thứ 7 với sự chủ trì của Tổng Bí thư Nguyễn Văn Minh."))
        #expect(e.unit.name == "Quân ủy Trung ương")
        #expect(e.kind == .committeeMeeting)
        #expect(e.chair?.name == "Nguyễn Văn Minh")
    }

    @Test func partyBodyPrefixesAndAliases() throws {
        #expect(event("Thường vụ Đảng ủy TCKT tổ chức hội nghị quán triệt nghị quyết.")?.unit.name == "Tổng cục Kỹ thuật")
        #expect(event("Ban Thường vụ Đảng ủy Quân khu 7 tổ chức hội nghị kiểm điểm tự phê bình và phê bình.")?.kind == .selfCriticism)
        let province = try #require(event("Ngày 4-5, Đảng ủy Quân sự tỉnh Nghệ An tổ chức hội nghị quán triệt nghị quyết."))
        #expect(province.unit.name == "Bộ Chỉ huy Quân sự tỉnh Nghệ An")
        #expect(province.unit.id == "bo-chi-huy-quan-su-tinh-nghe-an")
        #expect(
            event("Đảng ủy Quân chủng Phòng không – Không quân tổ chức hội nghị học tập nghị quyết.")?.unit.name
                == "Quân chủng Phòng không - Không quân")
        #expect(event("Đảng ủy Binh chủng Hoá học tổ chức hội nghị học tập nghị quyết.")?.unit.id == "binh-chung-hoa-hoc")
    }

    @Test func variantSpellingsAndNFD() throws {
        let nfd = "Đảng uỷ Tổng cục Công nghiệp quốc phòng tổ chức hội nghị học tập nghị quyết.".decomposedStringWithCanonicalMapping
        #expect(event(nfd)?.unit.name == "Tổng cục Công nghiệp quốc phòng")
        #expect(
            event(nfd)?.organizer
                == "Đảng uỷ Tổng cục Công nghiệp quốc phòng".decomposedStringWithCanonicalMapping.precomposedStringWithCanonicalMapping)
    }

    @Test func brigadeNumberIsAUnitResolutionNumberIsNot() throws {
        let e = try #require(event("Chiều 5-9, Đảng ủy Lữ đoàn 382 tổ chức hội nghị quán triệt Nghị quyết 382 của Quân ủy Trung ương."))
        #expect(e.unit.name == "Lữ đoàn 382")
        let f = try #require(event("Đảng ủy Lữ đoàn xe tăng 203 tổ chức sơ kết 5 năm thực hiện Nghị quyết 382 của Quân ủy Trung ương."))
        #expect(f.unit.name == "Lữ đoàn xe tăng 203")
        #expect(f.kind == .resolutionReview)
    }

    @Test func notMeetings() {
        let texts = [
            "Sáng 10/10, Bộ Tư lệnh Quân khu 4 khai mạc Hội thi cán bộ trẻ giỏi năm 2023.",
            "Sáng 2/11, Sư đoàn 341 tổ chức diễn tập chiến đấu phòng ngự có bắn đạn thật.",
            "Chiều 21/12, Đảng ủy, Bộ Chỉ huy Quân sự tỉnh tổ chức Lễ kỷ niệm 79 năm Ngày thành lập Quân đội nhân dân.",
            "Ngày mai (9/12), Đảng ủy Quân khu 9 sẽ tổ chức Hội nghị tổng kết công tác Đảng năm 2023.",
            "Ngày 20/3, Lữ đoàn 125 tổ chức Đại hội thi đua Quyết thắng giai đoạn 2019-2024.",
            "Ngày 7/7, Công đoàn Tổng cục Hậu cần tổ chức Đại hội Công đoàn lần thứ V. Các đoàn viên công đoàn bầu ban chấp hành.",
            "Sáng 18/5, Đảng ủy Sư đoàn 3 tổ chức gặp mặt cán bộ hưu trí.",
            "Phóng viên đã có cuộc trao đổi với Đại tá Nguyễn Văn Tú về 5 năm thực hiện Nghị quyết 51.",
            "Sáng 14/10, Bộ Chỉ huy Quân sự tỉnh Quảng Trị tổ chức Hội nghị tổng kết diễn tập khu vực phòng thủ năm 2023.",
            "Ngày 9/6, Đảng ủy Sư đoàn 31 tổ chức Hội nghị điển hình tiên tiến giai đoạn 2019-2024.",
            "Sáng 12/12, Cục Hậu cần Quân khu 5 tổ chức Hội nghị tổng kết công tác hậu cần năm 2023.",
        ]
        for text in texts { #expect(event(text) == nil, "\(text)") }
    }

    @Test func provincialBorderGuardAndDistrictCommands() throws {
        let e = try #require(event("Ngày 3-8, Đảng ủy Bộ đội Biên phòng tỉnh Lào Cai tổ chức hội nghị học tập nghị quyết."))
        #expect(e.unit.name == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lào Cai")
        let f = try #require(event("Ngày 3-8, Đảng ủy Quân sự huyện Thanh Oai tổ chức hội nghị học tập nghị quyết."))
        #expect(f.unit.name == "Ban Chỉ huy Quân sự huyện Thanh Oai")
        #expect(f.organizer == "Đảng ủy Quân sự huyện Thanh Oai")
        let h = try #require(event("Ngày 20/6, Đại hội đại biểu Đảng bộ Quân sự tỉnh Quảng Nam lần thứ XX, nhiệm kỳ 2020-2025 khai mạc."))
        #expect(h.unit.name == "Bộ Chỉ huy Quân sự tỉnh Quảng Nam")
        #expect(h.kind == .partyCongress)
        #expect(h.date.value == PartialDate(year: 2020, month: 6, day: 20))
        let g = try #require(event("Sáng 2-3, Đảng ủy Cục Tuyên huấn tổ chức hội nghị quán triệt nghị quyết."))
        #expect(g.unit.name == "Cục Tuyên huấn")
    }

    @Test func subjectListTakesTheFirstBody() throws {
        let e = try #require(
            event(
                "Chiều 9-7, tại Hà Nội, Quân ủy Trung ương, Bộ Quốc phòng tổ chức hội nghị quân chính toàn quân sơ kết 6 tháng đầu năm 2024. Đại tướng Hoàng Minh Khải, Bộ trưởng Bộ Quốc phòng chủ trì hội nghị."
            ))
        #expect(e.unit.name == "Quân ủy Trung ương")
        #expect(e.kind == .midYearReview)
        #expect(e.date.value == PartialDate(year: 2024, month: 7, day: 9))
        #expect(e.period == "6 tháng đầu năm 2024")
    }

    @Test func midArticleChunkWithoutTheOrganizingSentence() throws {
        let e = try #require(
            event(
                """
                Các đại biểu dự hội nghị.
                Năm 2023, Đảng ủy Học viện Chính trị đã lãnh đạo hoàn thành tốt các nhiệm vụ. Thiếu tướng Phạm Văn Hùng, Bí thư Đảng ủy, Chính ủy Học viện chủ trì hội nghị.
                """))
        #expect(e.unit.name == "Học viện Chính trị")
        #expect(e.kind == .yearEndReview)
        #expect(e.chair?.name == "Phạm Văn Hùng")
    }
}

@Suite struct ExtractDocumentTests {
    @Test func normalizedCodes() throws {
        let e = try #require(
            ExtractTestSupport.event(
                """
                Chiều 7-12, Đảng ủy Sư đoàn 346 tổ chức Hội nghị tổng kết 10 năm thực hiện Nghị quyết Trung ương 8, khóa XI về Chiến lược bảo vệ Tổ quốc và Kết luận số 21-KL/TW của Ban Chấp hành Trung ương.
                Tin, ảnh: TRẦN HẢI - NGỌC LAN
                """))
        #expect(e.documents.map(\.code) == ["Nghị quyết Trung ương 8 khóa XI", "21-KL/TW"])
        #expect(e.documents.last?.type == "Kết luận")
        #expect(e.documents.last?.issuer == "TW")
        #expect(e.credits == ["TRẦN HẢI", "NGỌC LAN"])
        #expect(e.date.value == nil)
        #expect(e.date.evidence != nil || e.date.basis == .unresolved)
    }
}
