// Passages about events that are not party-work meetings (contests, exercises, ceremonies,
// visits, help to the people) and stories without an event, written for the benchmark in the
// style of the military press.

/// Lead and body sentences of the passages that report no meeting.
enum OtherPhrases {
    static func leads(_ kind: PassageKind) -> [PhraseTemplate] { leadTable[kind.rawValue] }
    static func body(_ kind: PassageKind) -> [PhraseTemplate] { bodyTable[kind.rawValue] }

    private static let leadTable: [[PhraseTemplate]] = PassageKind.allCases.map { PhraseTemplate.parsed(leadTexts($0)) }
    private static let bodyTable: [[PhraseTemplate]] = PassageKind.allCases.map { PhraseTemplate.parsed(bodyTexts($0)) }

    private static func leadTexts(_ kind: PassageKind) -> [String] {
        switch kind {
        case .contest:
            return [
                "{when}, {unit} [tổ chức|khai mạc] Hội thi {contest} năm {year}[ với sự tham gia của {big} thí sinh đến từ {subunits}|].",
                "Hội thi {contest} [năm {year}|lần thứ {ordinal}] của {unit} đã [bế mạc|khai mạc] {when}[ sau {num} ngày tranh tài sôi nổi|].",
            ]
        case .exercise:
            return [
                "{when}, {unit} [tổ chức|hoàn thành] diễn tập {exercise} năm {year}[ tại địa bàn huyện {district}, tỉnh {province}|].",
                "Với sự tham gia của {big} cán bộ, chiến sĩ, cuộc diễn tập {exercise} do {unit} tổ chức đã [kết thúc thắng lợi|diễn ra an toàn] {when}.",
            ]
        case .ceremony:
            return [
                "{when}, {unit} [long trọng |]tổ chức Lễ kỷ niệm {years} năm Ngày truyền thống[ và đón nhận Huân chương Bảo vệ Tổ quốc hạng Nhì|, ôn lại chặng đường xây dựng, chiến đấu và trưởng thành].",
                "{when}, {unit} tổ chức lễ [ra quân huấn luyện|giao nhận quân|tiễn quân nhân hoàn thành nghĩa vụ] năm {year}[ dưới sự chủ trì của {chair}, {chairPost}|].",
            ]
        case .visit:
            return [
                "{when}, đoàn công tác [của {superior}|Tổng cục Chính trị] do {guest}, {guestPost} làm trưởng đoàn đã đến thăm và làm việc tại {unit}.",
                "{when}, [trong chuyến công tác tại tỉnh {province}|nhân dịp đầu năm mới], {guest}, {guestPost} đã đến thăm, chúc Tết cán bộ, chiến sĩ {unit}.",
            ]
        case .massMobilization:
            return [
                "[Hưởng ứng|Thực hiện] phong trào thi đua \"Dân vận khéo\", từ ngày {otherDate}, {unit} đã cử {big} lượt cán bộ, chiến sĩ giúp nhân dân huyện {district} {help}.",
                "{when}, tại xã [biên giới|vùng sâu] thuộc huyện {district}, {unit} phối hợp với chính quyền địa phương tổ chức khám bệnh, cấp thuốc miễn phí cho {big} lượt người dân.",
            ]
        case .feature:
            return [
                "Những năm qua, {organizer} luôn xác định {task} là nhiệm vụ trọng tâm, [thường xuyên|có ý nghĩa quyết định] đến chất lượng xây dựng đơn vị vững mạnh toàn diện.",
                "[Về|Đến] {unit} những ngày [cuối năm|đầu xuân|giữa năm], chúng tôi cảm nhận rõ [không khí thi đua sôi nổi|nền nếp chính quy] trong [các hoạt động|từng bài huấn luyện] của cán bộ, chiến sĩ.",
            ]
        default: return []
        }
    }

    private static func bodyTexts(_ kind: PassageKind) -> [String] {
        switch kind {
        case .contest:
            return [
                "Hội thi [nhằm|là dịp để] [đánh giá chất lượng|nâng cao năng lực] {contestArea} cho đội ngũ cán bộ[, đồng thời lựa chọn những cá nhân tiêu biểu tham gia hội thi cấp trên|].",
                "Các thí sinh trải qua {num} nội dung thi, gồm: [kiểm tra nhận thức, thực hành bài giảng|thi viết, thi thực hành và xử lý tình huống], [được Ban giám khảo đánh giá khách quan, chính xác|bảo đảm đúng quy chế].",
                "Kết thúc hội thi, Ban Tổ chức đã trao {num} giải nhất, {num} giải nhì và {num} giải ba cho các tập thể, cá nhân; {subunits} đoạt giải nhất toàn đoàn.",
            ]
        case .exercise:
            return [
                "Cuộc diễn tập được chuẩn bị chu đáo, [sát với phương án tác chiến|sát thực tế địa bàn], qua đó nâng cao trình độ tổ chức, chỉ huy của cán bộ và khả năng hiệp đồng của {subunits}.",
                "Trong {num} ngày, các lực lượng tham gia diễn tập đã xử trí {num} tình huống [phòng thủ|cứu hộ, cứu nạn|chống xâm nhập], bảo đảm an toàn tuyệt đối về người, vũ khí, trang bị.",
                "Phát biểu [nhận xét|kết thúc diễn tập], {guest}, {guestPost} đánh giá cuộc diễn tập đạt loại [khá|giỏi], hoàn thành toàn diện mục đích, yêu cầu đề ra.",
            ]
        case .ceremony:
            return [
                "Trải qua {years} năm xây dựng, chiến đấu và trưởng thành, các thế hệ cán bộ, chiến sĩ {unit} đã [lập nhiều chiến công xuất sắc|hoàn thành tốt mọi nhiệm vụ được giao], được Đảng, Nhà nước tặng thưởng nhiều phần thưởng cao quý.",
                "Dịp này, {num} tập thể và {big} cá nhân [được khen thưởng|được tặng Bằng khen] vì có thành tích xuất sắc trong {task}.",
            ]
        case .visit:
            return [
                "Báo cáo với đoàn, {chair}, {chairPost} cho biết, [năm {year}|thời gian qua], đơn vị đã {result}.",
                "Thay mặt đoàn công tác, {guestRef} [ghi nhận|biểu dương] những kết quả [đơn vị đạt được|mà cán bộ, chiến sĩ đã đạt được], đề nghị đơn vị tiếp tục {tasks}.",
            ]
        case .massMobilization:
            return [
                "Các lực lượng đã [giúp dân|phối hợp] {help}, [sửa chữa {num} phòng học|làm mới {num} km đường giao thông nông thôn], [trao tặng {big} suất quà cho hộ nghèo|tặng sổ tiết kiệm cho học sinh có hoàn cảnh khó khăn].",
                "Hoạt động góp phần tăng cường mối quan hệ đoàn kết quân dân, [củng cố lòng tin của nhân dân|xây dựng hình ảnh Bộ đội Cụ Hồ] trên địa bàn tỉnh {province}.",
            ]
        case .feature:
            return [
                "Theo {person}, {post}, để [nâng cao chất lượng|tạo chuyển biến trong] {task}, đơn vị [đã|luôn] chú trọng {result}.",
                "Cách làm này [đã phát huy hiệu quả|được nhân rộng] ở {subunits}, góp phần [xây dựng môi trường văn hóa quân sự lành mạnh|giữ vững ổn định chính trị nội bộ].",
                "[Từ thực tiễn|Qua nhiều năm] thực hiện {doc}, đơn vị rút ra {num} bài học kinh nghiệm, trong đó nổi bật là [phát huy vai trò nêu gương của cán bộ|làm tốt công tác nắm, quản lý tư tưởng bộ đội].",
            ]
        default: return []
        }
    }
}
