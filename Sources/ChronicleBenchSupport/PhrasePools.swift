// Phrases the sentences' slots are filled with at each use, written for the benchmark in the
// style of the military press.

/// The pools of `PhraseSlot`s filled anew at each use.
enum PhrasePools {
    static let tasks = PhraseTemplate.parsed([
        "nâng cao chất lượng huấn luyện, sẵn sàng chiến đấu",
        "làm tốt công tác giáo dục chính trị, quản lý tư tưởng bộ đội",
        "xây dựng tổ chức đảng trong sạch vững mạnh tiêu biểu",
        "đẩy mạnh xây dựng chính quy, quản lý, rèn luyện kỷ luật",
        "thực hiện hiệu quả công tác dân vận[ trên địa bàn đóng quân|]",
        "bảo đảm hậu cần, kỹ thuật cho các nhiệm vụ",
        "nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức đảng",
        "chăm lo đời sống vật chất, tinh thần cho bộ đội",
        "làm tốt công tác cán bộ, chính sách",
        "tăng cường công tác kiểm tra, giám sát[ của cấp ủy|]",
        "đổi mới nội dung, hình thức sinh hoạt chi bộ",
        "xây dựng môi trường văn hóa quân sự lành mạnh",
        "phát huy vai trò nêu gương của cán bộ, đảng viên",
        "chủ động tham mưu cho cấp ủy, chính quyền địa phương về công tác quốc phòng",
        "bảo đảm an toàn tuyệt đối về người, vũ khí, trang bị",
        "thực hiện tốt công tác phòng, chống thiên tai, tìm kiếm cứu nạn",
        "đấu tranh phòng, chống các quan điểm sai trái, thù địch",
        "đẩy mạnh phong trào thi đua Quyết thắng",
        "giữ vững ổn định chính trị nội bộ",
        "huấn luyện chiến sĩ mới bảo đảm chất lượng",
        "chuẩn bị chu đáo cho đại hội đảng các cấp",
        "nâng cao chất lượng đội ngũ cán bộ chính trị cấp phân đội",
        "quản lý chặt chẽ quân số, vũ khí, trang bị",
        "thực hiện nghiêm chế độ trực sẵn sàng chiến đấu",
    ])

    static let shortcomings = PhraseTemplate.parsed([
        "việc nắm và quản lý tư tưởng ở một số đơn vị có lúc chưa sâu",
        "chất lượng sinh hoạt chi bộ ở một số nơi chưa cao",
        "việc cụ thể hóa một số chủ trương của cấp trên có lúc còn chậm",
        "công tác kiểm tra, giám sát ở một số tổ chức cơ sở đảng chưa thường xuyên",
        "chất lượng huấn luyện ở một số phân đội chưa đồng đều",
        "năng lực của một bộ phận cán bộ cấp phân đội còn hạn chế",
        "vẫn còn quân nhân vi phạm kỷ luật[, vi phạm an toàn giao thông|]",
        "việc xây dựng nền nếp chính quy ở một số đơn vị chưa thật vững chắc",
    ])

    static let topics = PhraseTemplate.parsed([
        "những kết quả, hạn chế và nguyên nhân",
        "các giải pháp nâng cao chất lượng huấn luyện, sẵn sàng chiến đấu",
        "công tác giáo dục chính trị, quản lý tư tưởng trong tình hình mới",
        "việc xây dựng đội ngũ cán bộ, nhất là cán bộ chủ trì",
        "công tác xây dựng Đảng về chính trị, tư tưởng, đạo đức",
        "những khó khăn, vướng mắc trong thực hiện nhiệm vụ ở cơ sở",
        "công tác dân vận, xây dựng địa bàn vững mạnh",
        "giải pháp nâng cao chất lượng sinh hoạt chi bộ",
    ])

    static let documents = PhraseTemplate.parsed([
        "Nghị quyết số {docno}-NQ/QUTW của Quân ủy Trung ương[ về lãnh đạo công tác giáo dục chính trị trong tình hình mới| về nâng cao chất lượng huấn luyện, sẵn sàng chiến đấu|]",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Nghị quyết Hội nghị Trung ương [4|5|6|8] khóa XIII",
        "Chỉ thị số {docno}/CT-TCCT của Tổng cục Chính trị[ về tăng cường công tác dân vận|]",
        "Kết luận số {docno}-KL/TW của Bộ Chính trị[ về đẩy mạnh xây dựng, chỉnh đốn Đảng|]",
        "Nghị quyết số {docno}-NQ/ĐU của Đảng ủy {superior}",
        "Chỉ thị số {docno}-CT/QUTW ngày {otherDate}/{prev} của Thường vụ Quân ủy Trung ương",
        "Quy định số {docno}-QĐ/TW của Ban Chấp hành Trung ương",
    ])

    static let shortDocuments = PhraseTemplate.parsed([
        "Nghị quyết {docno}-NQ/QUTW", "Nghị quyết {docno}-NQ/ĐU", "Chỉ thị {docno}/CT-TCCT", "Kết luận {docno}-KL/TW",
        "Nghị quyết Trung ương [4|8] khóa XIII",
    ])

    static let posts = PhraseTemplate.parsed([
        "Phó Chính ủy {unit}", "Chủ nhiệm Chính trị {unit}", "Phó Chủ nhiệm Chính trị {superior}", "Cục trưởng Cục Tuyên huấn",
        "{commanderPost}", "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy {unit}", "Trưởng phòng Tổ chức, Cục Chính trị {superior}",
        "Ủy viên Ban Thường vụ Đảng ủy, Tham mưu trưởng {unit}", "Bí thư Đảng ủy Cơ quan {unit}",
    ])

    static let help = PhraseTemplate.parsed([
        "khắc phục hậu quả mưa lũ", "thu hoạch lúa, hoa màu", "xây dựng nông thôn mới", "làm đường giao thông nông thôn",
        "sửa chữa nhà cửa, trường học", "nạo vét kênh mương, phát quang đường biên giới", "phòng, chống dịch bệnh",
    ])

    static let contests = PhraseTemplate.parsed([
        "cán bộ chính trị giỏi", "tuyên truyền viên giỏi", "báo cáo viên giỏi", "bí thư chi bộ giỏi",
        "Olympic các môn khoa học Mác - Lênin",
        "thư viện, phòng Hồ Chí Minh", "giảng dạy chính trị[ cấp phân đội|]",
    ])

    static let contestAreas = PhraseTemplate.parsed([
        "công tác tuyên truyền", "giáo dục chính trị", "công tác đảng, công tác chính trị ở cơ sở", "hoạt động văn hóa, văn nghệ",
    ])

    static let exercises = PhraseTemplate.parsed([
        "chỉ huy - cơ quan một bên hai cấp trên bản đồ và thực địa", "chiến đấu phòng thủ", "khu vực phòng thủ huyện {district}",
        "phòng, chống thiên tai, tìm kiếm cứu nạn", "bắn đạn thật có bắn",
    ])

    static let results = PhraseTemplate.parsed([
        "hoàn thành [tốt|xuất sắc] các nhiệm vụ được giao, [được cấp trên đánh giá cao|không để xảy ra vụ việc nghiêm trọng]",
        "tổ chức huấn luyện cho {big} chiến sĩ mới bảo đảm chặt chẽ, an toàn",
        "duy trì nghiêm chế độ trực sẵn sàng chiến đấu, kịp thời xử lý {num} tình huống phát sinh",
        "xây dựng {num} mô hình, cách làm hay trong công tác đảng, công tác chính trị",
        "phối hợp với địa phương giúp đỡ {num} hộ nghèo vươn lên thoát nghèo",
    ])

    static let whens = PhraseTemplate.parsed([
        "[Sáng|Chiều|Ngày] {day}/{month}", "[Sáng|Chiều] nay ({day}/{month})", "Ngày {day}-{month}", "Sáng {day}-{month}-{year}",
        "Ngày {day}/{month}/{year}", "[Sáng|Chiều] {day}/{month}",
    ])

    static let halls = PhraseTemplate.parsed([
        "Hội trường {unit}", "Sở Chỉ huy {unit}", "hội trường Bộ Tư lệnh {superior}", "Nhà văn hóa {unit}",
    ])

    static let captions = PhraseTemplate.parsed([
        "{chair} phát biểu [kết luận|chỉ đạo|khai mạc] hội nghị.", "Quang cảnh hội nghị.",
        "Đại biểu [dự hội nghị|biểu quyết thông qua nghị quyết].",
        "{guest} [trao Bằng khen|tặng hoa] cho các tập thể[ có thành tích xuất sắc|].",
        "{guest}, {guestPost} phát biểu chỉ đạo.", "Các đại biểu thực hiện nghi thức chào cờ.",
    ])

    static let creditLines = PhraseTemplate.parsed([
        "{credit}", "Tin, ảnh: {credit}", "{credit} - {credit2}", "{credit} (Phòng Chính trị {unit})", "Bài và ảnh: {credit}",
    ])
}
