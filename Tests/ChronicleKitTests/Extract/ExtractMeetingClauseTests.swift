import Foundation
import Testing
@testable import ChronicleKit

/// The meeting's own clause decides unit, kind and date. One test per error class seen on
/// articles the rules had never read; every sentence here is written for the test.
@Suite struct ExtractMeetingClauseTests {
    typealias S = ExtractTestSupport

    private func clause(_ text: String) throws -> (MeetingClause, ArticleText, [UnitMention]) {
        let a = ArticleText(text, rules: S.rules)
        let meeting = try #require(MeetingDetector.detect(in: a))
        let units = UnitRecognizer.find(in: a)
        let clause = MeetingClause.read(a, meeting: meeting, units: units, people: PersonExtractor.find(in: a))
        return (clause, a, units)
    }

    // MARK: Organizer: the clause's subject or agent, never a guest, an issuer or a parent

    @Test func theSubjectOfTheVerbOrganizesNotTheDirectingGuest() throws {
        let text =
            "Sáng 14/3, Đảng bộ Trung đoàn 52 tổ chức Đại hội đại biểu lần thứ XI, nhiệm kỳ 2025-2030; Đại tá Lê Văn Khải, Phó Chính ủy Sư đoàn 330 dự và chỉ đạo đại hội."
        let (c, _, units) = try clause(text)
        #expect(c.organizerRole == .subject)
        #expect(c.organizer.map { units[$0].name } == "Trung đoàn 52")
        let e = try #require(S.event(text))
        #expect(e.unit.name == "Trung đoàn 52")
        #expect(e.kind == .partyCongress)
    }

    @Test func theIssuerOfTheResolutionReviewedIsNotTheOrganizer() throws {
        let text = """
            Đảng ủy Lữ đoàn 604 tổng kết 10 năm thực hiện Nghị quyết số 109-NQ/QUTW của Thường vụ Quân ủy Trung ương
            Ngày 9/11, Đảng ủy Lữ đoàn 604 tổ chức hội nghị tổng kết 10 năm thực hiện Nghị quyết số 109-NQ/QUTW ngày 15-3-2013 của Thường vụ Quân ủy Trung ương về công tác tư tưởng.
            """
        let e = try #require(S.event(text))
        #expect(e.unit.name == "Lữ đoàn 604")
        #expect(e.kind == .resolutionReview)
        #expect(e.date.value == PartialDate(iso: "2023-11-09"))
        #expect(e.date.basis == .anniversary)
    }

    @Test func thePassiveAgentOrganizes() throws {
        let text =
            "Sáng 2/6, hội nghị sơ kết 5 năm thực hiện Chỉ thị số 12 của Tổng cục Chính trị đã được Đảng ủy Lữ đoàn 171 tổ chức tại hội trường đơn vị."
        let (c, _, units) = try clause(text)
        #expect(c.organizerRole == .agent)
        #expect(c.organizer.map { units[$0].name } == "Lữ đoàn 171")
        let byDo = try #require(
            S.event(
                "Hội nghị quán triệt nghị quyết của Quân ủy Trung ương do Đảng ủy Sư đoàn 341 tổ chức ngày 12/4 với hơn 200 cán bộ tham dự."
            ))
        #expect(byDo.unit.name == "Sư đoàn 341")
        #expect(byDo.kind == .resolutionStudy)
    }

    @Test func theRoleThatNamedTheOrganizerIsRecordedAndStored() throws {
        let record = S.extractor.record(
            for: S.article("Hội nghị học tập nghị quyết của Quân ủy Trung ương do Đảng ủy Sư đoàn 341 tổ chức ngày 12/4."))
        #expect(record.events.first?.unit.role == "agent")
        let stored = try RecordBinary.decode(RecordBinary.encode([record]))
        #expect(stored.first?.events.first?.unit.role == "agent")
        #expect(try record.jsonLine().contains(#""role":"agent""#))
    }

    @Test func aSubUnitWrittenWithItsParentOrganizes() throws {
        let e = try #require(
            S.event(
                "Chiều 19/12, Đảng ủy Trung đoàn 812, Sư đoàn 309 tổ chức Hội nghị tổng kết công tác đảng, công tác chính trị năm 2023."))
        #expect(e.unit.name == "Trung đoàn 812")
        #expect(e.date.value == PartialDate(iso: "2023-12-19"))
    }

    @Test func aUnitNameEndingInCanIsNotARequest() throws {
        // "Hậu cần" ends with "cần" (need); "cần tổ chức" is a request, "Học viện Hậu cần tổ chức" a report.
        let (c, _, units) = try clause("Sáng 15/3, Đảng ủy Học viện Hậu cần tổ chức hội nghị quán triệt nghị quyết của Quân ủy Trung ương.")
        #expect(c.organizerRole == .subject)
        #expect(c.organizer.map { units[$0].name } == "Học viện Hậu cần")
    }

    @Test func theOwnerAfterCuaInTheNameOrganizesButAnIssuerDoesNot() throws {
        let (c, _, units) = try clause(
            "Hội nghị sơ kết công tác đảng, công tác chính trị 6 tháng đầu năm 2023 của Đảng ủy Lữ đoàn 162 (Vùng 4 Hải quân) diễn ra sáng 30/6."
        )
        #expect(c.organizerRole == .name)
        #expect(c.organizer.map { units[$0].name } == "Lữ đoàn 162")
        let (issued, _, _) = try clause(
            "Hội nghị quán triệt Nghị quyết số 05-NQ/ĐU của Đảng ủy Quân khu 5 diễn ra sáng 3/4 tại hội trường Sư đoàn 2.")
        #expect(issued.organizerRole == nil)
    }

    @Test func aRegularSessionIsHeldByItsSubject() throws {
        let (c, _, units) = try clause("Sáng 19/6/2023, Ban Thường vụ Đảng ủy Quân khu 2 họp phiên thường kỳ tháng 6.")
        #expect(c.organizerRole == .subject)
        #expect(c.organizer.map { units[$0].name } == "Quân khu 2")
        #expect(S.event("Sáng 19/6/2023, Ban Thường vụ Đảng ủy Quân khu 2 họp phiên thường kỳ tháng 6.")?.kind == .committeeMeeting)
    }

    @Test func aUnitNamingThePlaceDoesNotOrganize() throws {
        let e = try #require(
            S.event(
                "Sáng 20/12, tại Sở Chỉ huy Quân khu 7, Đảng ủy Sư đoàn 5 tổ chức Hội nghị tổng kết công tác đảng, công tác chính trị năm 2023."
            ))
        #expect(e.unit.name == "Sư đoàn 5")
    }

    @Test func aLeadAboutAnotherUnitDoesNotOrganizeTheChairsMeeting() throws {
        let text = """
            Năm 2023, Sư đoàn 5 hoàn thành tốt nhiệm vụ huấn luyện, sẵn sàng chiến đấu, được Đảng ủy Quân khu biểu dương.
            Sáng 20/12, Trung tướng Trần Quang Huy, Tư lệnh Quân khu 7 chủ trì Hội nghị tổng kết công tác năm của Quân khu 7.
            """
        let e = try #require(S.event(text, published: "2023-12-21"))
        #expect(e.unit.name == "Quân khu 7")
        #expect(e.kind == .yearEndReview)
    }

    @Test func aBoardNamedInsideTheMeetingsNameOrganizes() throws {
        let (c, _, units) = try clause(
            "Sáng 4/4, hội nghị Ban Chủ nhiệm Tổng cục Kỹ thuật cho ý kiến về nhiệm vụ công tác đảng, công tác chính trị quý II.")
        #expect(c.organizerRole == .name)
        #expect(c.organizer.map { units[$0].name } == "Tổng cục Kỹ thuật")
    }

    // MARK: Kind comes from the meeting's own name

    @Test func kindIsTheFirstThingTheNameSays() throws {
        let cases: [(String, EventKind)] = [
            (
                "Sáng 6/5, Đảng ủy Lữ đoàn 147 tổ chức Hội nghị góp ý dự thảo Báo cáo chính trị trình Đại hội đại biểu Đảng bộ Lữ đoàn lần thứ X.",
                .otherMeeting
            ),
            (
                "Chiều 12/6, Đảng ủy Sư đoàn 10 tổ chức Hội nghị cho ý kiến về dự thảo Văn kiện Đại hội đại biểu Đảng bộ Sư đoàn.",
                .otherMeeting
            ),
            (
                "Ngày 3/3, Đảng ủy Vùng 2 Hải quân tổ chức Hội nghị quán triệt các văn bản chỉ đạo về Đại hội Đảng các cấp.",
                .resolutionStudy
            ),
            (
                "Sáng 27/6, Đảng ủy Sư đoàn 7 tổ chức Hội nghị lần thứ 9 (khóa IX) lãnh đạo thực hiện nhiệm vụ 6 tháng cuối năm 2023.",
                .committeeMeeting
            ),
            (
                "Sáng 28/6, Đảng ủy Lữ đoàn 572 tổ chức Hội nghị ra nghị quyết lãnh đạo thực hiện nhiệm vụ 6 tháng cuối năm 2023.",
                .committeeMeeting
            ),
            ("Sáng 5/7, Đảng ủy Quân đoàn 34 tổ chức Hội nghị Quân chính 6 tháng đầu năm 2023.", .midYearReview),
            (
                "Sáng 15/12, Đảng ủy Binh chủng Công binh tổ chức Hội nghị Ban Thường vụ sơ kết 6 tháng thực hiện quy chế làm việc.",
                .midYearReview
            ),
            (
                "Sáng 9/6, Đảng ủy Bộ đội Biên phòng tỉnh Cà Mau tổ chức hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ lần thứ X.",
                .resolutionReview
            ),
            (
                "Chiều 27/12, Đảng ủy Binh chủng Pháo binh tổ chức Hội nghị Ban Chấp hành Đảng bộ lần thứ 15 để lãnh đạo thực hiện nhiệm vụ năm 2024.",
                .committeeMeeting
            ),
            (
                "Ngày 19/12, Đảng ủy Trường Sĩ quan Chính trị tổ chức Hội nghị lần thứ 11 (mở rộng) đánh giá kết quả lãnh đạo năm 2023.",
                .yearEndReview
            ),
        ]
        for (text, kind) in cases {
            let e = try #require(S.event(text, published: "2023-12-30"), "\(text)")
            #expect(e.kind == kind, "\(text)")
        }
    }

    @Test func aCongressListedAmongTheYearsResultsIsNotTheMeetingsKind() throws {
        let text = """
            Chiều 22/12, Đảng ủy Lữ đoàn 293 tổ chức Hội nghị tổng kết công tác đảng, công tác chính trị năm 2020.
            Năm 2020, Đảng ủy Lữ đoàn đã lãnh đạo tổ chức thành công đại hội đảng các cấp, đại hội đại biểu Đảng bộ Lữ đoàn lần thứ IX.
            """
        let e = try #require(S.event(text))
        #expect(e.kind == .yearEndReview)
        #expect(e.date.value == PartialDate(iso: "2020-12-22"))
    }

    @Test func aCommitteeMeetingThatPlansAYearIsDatedBeforeIt() throws {
        let e = try #require(
            S.event("Sáng 27/12, Đảng ủy Sư đoàn 346 tổ chức Hội nghị lần thứ 12 ra nghị quyết lãnh đạo thực hiện nhiệm vụ năm 2024."))
        #expect(e.kind == .committeeMeeting)
        #expect(e.date.value == PartialDate(iso: "2023-12-27"))
        #expect(e.date.basis == .periodYear)
    }

    // MARK: What is not a party-work meeting held

    @Test func aCommandsLocalDefenceMeetingIsNoneOfOurs() throws {
        #expect(
            S.event(
                "Sáng 29/6, Bộ Chỉ huy Quân sự tỉnh Yên Bái tổ chức hội nghị sơ kết công tác quốc phòng, quân sự địa phương 6 tháng đầu năm 2023."
            ) == nil)
        #expect(S.event("Ngày 15/12, Ban Chỉ huy Quân sự huyện Đông Anh tổ chức hội nghị tổng kết nhiệm vụ QP-QSĐP năm 2023.") == nil)
        // Held by the party committee, or about party work, it is ours.
        let party = try #require(
            S.event(
                "Sáng 29/6, Đảng ủy Quân sự tỉnh Yên Bái tổ chức hội nghị sơ kết lãnh đạo thực hiện nhiệm vụ quốc phòng, quân sự địa phương 6 tháng đầu năm 2023."
            ))
        #expect(party.unit.name == "Bộ Chỉ huy Quân sự tỉnh Yên Bái")
        #expect(party.kind == .midYearReview)
    }

    @Test func aMeetingAnnouncedForTomorrowIsNotHeld() throws {
        #expect(
            S.event(
                "Ngày mai (9/11), Hội nghị tổng kết 10 năm thực hiện Nghị quyết số 86 của Quân ủy Trung ương sẽ được Bộ Quốc phòng tổ chức tại Hà Nội."
            ) == nil)
        #expect(
            S.event(
                "Tổng cục Hậu cần hướng dẫn các đơn vị chuẩn bị mọi mặt phục vụ hội nghị sơ kết 5 năm thực hiện Nghị quyết 623 của Quân ủy Trung ương."
            ) == nil)
    }

    @Test func theMeetingThatIssuedACitedResolutionIsNotAMeetingHeld() throws {
        let text = """
            Lữ đoàn 125 phát động thi đua quyết thắng năm 2023
            Nội dung thi đua gồm: quán triệt, thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội Đảng bộ Quân đội lần thứ XI.
            """
        #expect(S.event(text) == nil)
    }

    // MARK: Unit shapes

    @Test func aSchoolNamedByItsParentIsOneName() throws {
        let e = try #require(
            S.event(
                "Sáng 21/3, Đại hội đại biểu Đảng bộ Trường Quân sự Bộ Tư lệnh Thủ đô lần thứ IV, nhiệm kỳ 2025-2030 khai mạc tại hội trường nhà trường."
            ))
        #expect(e.unit.name == "Trường Quân sự Bộ Tư lệnh Thủ đô")
        #expect(e.kind == .partyCongress)
    }

    @Test func aHeadquartersOrganIsItsOwnUnit() throws {
        let e = try #require(
            S.event(
                "Sáng 5/1, Đảng ủy Cơ quan Quân khu 4 tổ chức hội nghị tổng kết công tác đảng năm 2022. Đại diện các cơ quan chức năng của Bộ Quốc phòng dự."
            ))
        #expect(e.unit.name == "Cơ quan Quân khu 4")
        #expect(e.organizer == "Đảng ủy Cơ quan Quân khu 4")
        // "các cơ quan, đơn vị" names no unit.
        let a = ArticleText("Các cơ quan, đơn vị của Sư đoàn 9 đã hoàn thành nhiệm vụ.", rules: S.rules)
        #expect(UnitRecognizer.find(in: a).map(\.name) == ["Sư đoàn 9"])
    }

    @Test func aShortFormOfAShapeIsTheUnitNamedInFull() throws {
        let a = ArticleText(
            "Đảng ủy Quân sự tỉnh Lạng Sơn tổ chức hội nghị. Đảng ủy Quân sự tỉnh đã lãnh đạo hoàn thành nhiệm vụ.", rules: S.rules)
        let names = Set(UnitRecognizer.find(in: a).map(\.name))
        #expect(names == ["Bộ Chỉ huy Quân sự tỉnh Lạng Sơn"])
    }

    // MARK: Years from the article's own evidence, not from elsewhere

    @Test func aBylineWithAClockTimeDatesTheArticle() throws {
        let text = """
            Đảng ủy Lữ đoàn 229 quán triệt nghị quyết về công tác huấn luyện
            Trần Minh Đức (Quân khu 1) 16:09, 27/02/2023
            Ngày 27-2, Đảng ủy Lữ đoàn 229 tổ chức hội nghị quán triệt nghị quyết của Quân ủy Trung ương về công tác huấn luyện.
            """
        let record = S.extractor.record(for: S.article(text))
        #expect(record.referenceDate?.value == PartialDate(iso: "2023-02-27"))
        let e = try #require(record.events.first)
        #expect(e.date.value == PartialDate(iso: "2023-02-27"))
        #expect(e.date.basis == .referenceDate)
    }

    @Test func aTargetYearInADocumentsTitleIsNeverTheMeetingsYear() throws {
        let e = try #require(
            S.event(
                "Sáng 14/3, Đảng ủy Sư đoàn 312 tổ chức hội nghị học tập, quán triệt Nghị quyết của Quân ủy Trung ương về xây dựng Quân đội đến năm 2030."
            ))
        #expect(e.date.value == nil || e.date.value?.year != 2030)
    }

    @Test func aSitesDateBannerBesideItsHotlineIsNotADateline() throws {
        let text = """
            Hotline: 0243 123 456 | Thứ Hai, 04/12/2026
            Đảng ủy Sư đoàn 312 học tập nghị quyết
            Sáng 14/3, Đảng ủy Sư đoàn 312 tổ chức hội nghị học tập, quán triệt nghị quyết của Quân ủy Trung ương.
            """
        let record = S.extractor.record(for: S.article(text))
        #expect(record.referenceDate == nil)
        #expect(record.events.first?.date.value?.year != 2026)
        // Without the hotline the same line is the page's dateline.
        let dated = S.extractor.record(for: S.article(text.replacingOccurrences(of: "Hotline: 0243 123 456 | ", with: "")))
        #expect(dated.referenceDate?.value == PartialDate(iso: "2026-12-04"))
    }
}
