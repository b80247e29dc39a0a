// The sentences of a meeting passage, written for the benchmark in the style of the military
// press (every sentence invented; unit and document kinds are the real ones, so extraction has
// something to recognize). Slots and choices: see `PhraseTemplate`.

/// Headlines, meeting names, lead, chair, guest and closing sentences of meeting passages.
enum MeetingPhrases {
    static func headlines(_ kind: PassageKind) -> [PhraseTemplate] { headlineTable[kind.rawValue] }
    static func names(_ kind: PassageKind) -> [PhraseTemplate] { nameTable[kind.rawValue] }
    static func body(_ kind: PassageKind) -> [PhraseTemplate] { bodyTable[kind.rawValue] }

    private static let headlineTable: [[PhraseTemplate]] = PassageKind.allCases.map { PhraseTemplate.parsed(headlineTexts($0)) }
    private static let nameTable: [[PhraseTemplate]] = PassageKind.allCases.map { PhraseTemplate.parsed(nameTexts($0)) }
    private static let bodyTable: [[PhraseTemplate]] = PassageKind.allCases.map { PhraseTemplate.parsed(bodyTexts($0)) }

    static let leads = PhraseTemplate.parsed([
        "{when}, {organizer} tổ chức {meeting}.",
        "{when}, {organizer} [long trọng |]tổ chức {meeting}[, đánh giá kết quả đạt được, chỉ ra hạn chế, nguyên nhân và đề ra phương hướng, nhiệm vụ thời gian tới|, nhằm thống nhất nhận thức và hành động trong toàn Đảng bộ|].",
        "{when}, tại {hall}, {organizer} đã tổ chức {meeting}[ theo hình thức trực tiếp kết hợp trực tuyến đến {num} điểm cầu|].",
        "Thực hiện kế hoạch của {superiorBody}, {when}, {organizer} tổ chức {meeting}[ với sự tham gia của {big} cán bộ, đảng viên|].",
        "{when}, {meeting} của {organizer} đã [diễn ra|được tổ chức] [tại {hall}|trang trọng tại hội trường đơn vị|với sự tham dự của {big} đại biểu].",
    ])

    /// Leads that name the chair themselves (no chair sentence follows them).
    static let leadsWithChair = PhraseTemplate.parsed([
        "{when}, {organizer} [đã |]tổ chức {meeting} dưới sự chủ trì của {chair}, {chairPost}.",
        "{when}, dưới sự chủ trì của {chair}, {chairPost}, {organizer} tổ chức {meeting}[; dự hội nghị có các đồng chí trong Ban Thường vụ Đảng ủy|].",
    ])

    static let chairs = PhraseTemplate.parsed([
        "{chair}, {chairPost} chủ trì hội nghị.",
        "{chair}, {chairPost} và {commander}, {commanderPost} [đồng |]chủ trì hội nghị.",
        "[Đồng chí |]{chair}, {chairPost} chủ trì; dự hội nghị có các đồng chí trong Ban Thường vụ, Ban Chấp hành Đảng bộ, bí thư các tổ chức đảng trực thuộc[ và đại diện các cơ quan, đơn vị|].",
        "Chủ trì hội nghị là {chair}, {chairPost}; cùng dự có {commander}, {commanderPost}[, các đồng chí trong Thường vụ Đảng ủy|].",
    ])

    static let guests = PhraseTemplate.parsed([
        "Dự và chỉ đạo hội nghị có {guest}, {guestPost}[; {person}, {post}|].",
        "Tới dự và chỉ đạo hội nghị có {guest}, {guestPost}; cùng dự có đại diện lãnh đạo, chỉ huy các cơ quan chức năng {superior}.",
        "Tham dự hội nghị có {guest}, {guestPost}, đại diện cấp ủy, chính quyền địa phương tỉnh {province} và {big} cán bộ, đảng viên trong toàn Đảng bộ.",
        "Dự hội nghị có {guest}, {guestPost}[ cùng đại diện Cục Tuyên huấn, Cục Tổ chức thuộc Tổng cục Chính trị|; {person}, {post}|].",
    ])

    static let conclusions = PhraseTemplate.parsed([
        "Phát biểu [kết luận|chỉ đạo] hội nghị, {chairRef} [biểu dương|ghi nhận] những kết quả [mà các cơ quan, đơn vị đạt được|đạt được] trong [năm {year}|thời gian qua]; [đồng thời |]yêu cầu [các cấp ủy, tổ chức đảng|cấp ủy, chỉ huy các cấp] [tiếp tục |]{tasks}.",
        "Kết luận hội nghị, {chairRef} nhấn mạnh, [năm {next}|thời gian tới] [nhiệm vụ đặt ra ngày càng cao|có nhiều thuận lợi nhưng cũng không ít khó khăn]; [đề nghị|yêu cầu] [các cơ quan, đơn vị|cấp ủy, chỉ huy các cấp] {tasks}[, góp phần xây dựng {unit} vững mạnh toàn diện \"mẫu mực, tiêu biểu\"|].",
        "Phát biểu chỉ đạo, {guestRef} đánh giá cao [kết quả lãnh đạo thực hiện nhiệm vụ của {organizer}|sự chuẩn bị chu đáo, khoa học của {organizer}]; đề nghị [thời gian tới|năm {next}], Đảng ủy tập trung {tasks}.",
        "Tiếp thu ý kiến chỉ đạo, {chairRef} khẳng định [Đảng ủy|Ban Thường vụ] sẽ [nghiêm túc khắc phục những hạn chế đã được chỉ ra|cụ thể hóa ý kiến chỉ đạo thành nghị quyết, kế hoạch], lãnh đạo đơn vị hoàn thành thắng lợi nhiệm vụ năm {next}.",
        "Hội nghị đã [thảo luận, biểu quyết thông qua|thống nhất thông qua] nghị quyết lãnh đạo thực hiện nhiệm vụ [năm {next}|quý {quarter}] với {pct}% đại biểu tán thành.",
    ])

    private static func headlineTexts(_ kind: PassageKind) -> [String] {
        switch kind {
        case .yearEndReview:
            return [
                "{organizer} tổng kết công tác Đảng, công tác chính trị năm {year}",
                "{unit}: Tổng kết công tác lãnh đạo thực hiện nhiệm vụ năm {year}",
                "[Đảng bộ|Đảng ủy] {unit} triển khai nhiệm vụ năm {next}",
            ]
        case .midYearReview:
            return [
                "{unit} sơ kết công tác Đảng, công tác chính trị 6 tháng đầu năm {year}",
                "{organizer} sơ kết lãnh đạo thực hiện nhiệm vụ 6 tháng đầu năm",
            ]
        case .resolutionReview:
            return [
                "{organizer} tổng kết {years} năm thực hiện Nghị quyết {docno}-NQ/ĐUQSTW",
                "[Sơ kết|Tổng kết] {years} năm thực hiện {docShort} tại {unit}",
            ]
        case .resolutionStudy:
            return [
                "{unit} học tập, quán triệt nghị quyết của Đảng",
                "Cán bộ, đảng viên {unit} [quán triệt|học tập] {docShort}",
            ]
        case .committeeMeeting:
            return [
                "Hội nghị {organizer} lần thứ {ordinal} nhiệm kỳ {term}",
                "{organizer} ra nghị quyết lãnh đạo thực hiện nhiệm vụ [quý {quarter}|năm {next}]",
            ]
        case .selfCriticism: return ["Ban Thường vụ {organizer} kiểm điểm tự phê bình và phê bình năm {year}"]
        case .partyCongress: return ["Đại hội đại biểu Đảng bộ {unit} lần thứ {roman}"]
        case .briefing: return ["{unit} giao ban công tác Đảng, công tác chính trị quý {quarter}"]
        default: return []
        }
    }

    private static func nameTexts(_ kind: PassageKind) -> [String] {
        switch kind {
        case .yearEndReview:
            return [
                "hội nghị tổng kết công tác Đảng, công tác chính trị năm {year}[, triển khai phương hướng, nhiệm vụ năm {next}|]",
                "hội nghị tổng kết công tác lãnh đạo thực hiện nhiệm vụ năm {year}",
                "[hội nghị quân chính|hội nghị tổng kết công tác quân sự, quốc phòng và công tác Đảng, công tác chính trị] năm {year}",
            ]
        case .midYearReview:
            return [
                "hội nghị sơ kết công tác Đảng, công tác chính trị 6 tháng đầu năm {year}",
                "hội nghị sơ kết lãnh đạo thực hiện nhiệm vụ 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm {year}",
            ]
        case .resolutionReview:
            return [
                "hội nghị [tổng kết|sơ kết] {years} năm thực hiện {doc}",
                "hội nghị tổng kết {years} năm thực hiện Nghị quyết số {docno}-NQ/ĐU của Đảng ủy {superior} về {topics}",
            ]
        case .resolutionStudy:
            return [
                "hội nghị học tập, quán triệt, triển khai thực hiện {doc}",
                "hội nghị quán triệt {doc} cho [cán bộ chủ chốt|đội ngũ cán bộ, đảng viên] [toàn Đảng bộ|các cơ quan, đơn vị]",
            ]
        case .committeeMeeting:
            return [
                "hội nghị Đảng ủy lần thứ {ordinal}, nhiệm kỳ {term}",
                "hội nghị Ban Chấp hành Đảng bộ [mở rộng |]ra nghị quyết lãnh đạo thực hiện nhiệm vụ [quý {quarter}/{year}|năm {next}]",
            ]
        case .selfCriticism:
            return [
                "hội nghị kiểm điểm tự phê bình và phê bình [tập thể, cá nhân |]năm {year}",
                "hội nghị kiểm điểm tập thể Ban Thường vụ Đảng ủy và cá nhân các đồng chí ủy viên Ban Thường vụ năm {year}",
            ]
        case .partyCongress:
            return ["Đại hội đại biểu Đảng bộ {unit} lần thứ {roman}, nhiệm kỳ {term}"]
        case .briefing:
            return ["hội nghị giao ban công tác Đảng, công tác chính trị quý {quarter}/{year}"]
        default: return []
        }
    }

    private static func bodyTexts(_ kind: PassageKind) -> [String] {
        switch kind {
        case .yearEndReview, .midYearReview, .briefing:
            return [
                "Theo báo cáo tại hội nghị, [năm {year}|thời gian qua], {organizer} đã [ban hành|ra] {num} nghị quyết chuyên đề, {num} chỉ thị và nhiều kế hoạch lãnh đạo [các mặt công tác|các nhiệm vụ trọng tâm], trong đó tập trung {tasks}.",
                "[Năm {year}|Trong kỳ], dưới sự lãnh đạo, chỉ đạo của {superiorBody}, {organizer} đã lãnh đạo các cơ quan, đơn vị thực hiện [đồng bộ|toàn diện] các mặt công tác, trọng tâm là {tasks}.",
            ]
        case .resolutionReview:
            return [
                "Báo cáo tổng kết nêu rõ, quá trình thực hiện nghị quyết, {organizer} đã cụ thể hóa thành {num} chương trình, kế hoạch phù hợp với chức năng, nhiệm vụ của từng cơ quan, đơn vị[; tổ chức {num} hội nghị chuyên đề rút kinh nghiệm|].",
                "Sau {years} năm thực hiện, nhận thức của cán bộ, đảng viên về {topics} có chuyển biến rõ nét; {pct}% cơ quan, đơn vị hoàn thành tốt các chỉ tiêu nghị quyết đề ra.",
            ]
        case .resolutionStudy:
            return [
                "Tại hội nghị, {person}, {post} [đã |]quán triệt những nội dung cơ bản, cốt lõi của {doc}[; đồng thời triển khai kế hoạch thực hiện của {superiorBody}|].",
                "Sau hội nghị, các tổ chức đảng [tổ chức cho cán bộ, đảng viên viết thu hoạch|xây dựng chương trình hành động], kết quả có {pct}% đảng viên đạt yêu cầu, trong đó {pct2}% khá, giỏi.",
            ]
        case .committeeMeeting:
            return [
                "Hội nghị đã đánh giá kết quả lãnh đạo thực hiện nhiệm vụ [quý trước|năm {year}] và thống nhất [chủ trương|các biện pháp] lãnh đạo, trọng tâm là {tasks}.",
                "Ủy ban Kiểm tra Đảng ủy [đã |]báo cáo kết quả kiểm tra {num} tổ chức đảng và giám sát {big} đảng viên[, không phát hiện vi phạm|, kịp thời chấn chỉnh những thiếu sót].",
            ]
        case .selfCriticism:
            return [
                "Hội nghị được tiến hành theo đúng {doc}[ và hướng dẫn của Ban Tổ chức Trung ương|]; trước hội nghị, Ban Thường vụ đã lấy ý kiến góp ý của {num} tổ chức đảng trực thuộc và {big} lượt cán bộ, đảng viên.",
                "Từng đồng chí ủy viên Ban Thường vụ đã trình bày bản kiểm điểm cá nhân gắn với trách nhiệm người đứng đầu và lĩnh vực được phân công phụ trách; các đại biểu tham gia {num} ý kiến với tinh thần xây dựng, thẳng thắn.",
            ]
        case .partyCongress:
            return [
                "Đại hội đã thảo luận, góp ý vào dự thảo Báo cáo chính trị [và dự thảo Báo cáo kiểm điểm của Ban Chấp hành Đảng bộ nhiệm kỳ trước|], thống nhất xác định {tasks} là những khâu đột phá.",
                "Đại hội đã bầu Ban Chấp hành Đảng bộ nhiệm kỳ {term} gồm {num} đồng chí và bầu đoàn đại biểu đi dự đại hội cấp trên gồm {num} đồng chí.",
            ]
        default: return []
        }
    }
}
