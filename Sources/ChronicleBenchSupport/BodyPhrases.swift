// Body sentences of a meeting passage (results, party building, training, mass mobilization,
// shortcomings, discussion), written for the benchmark in the style of the military press.

/// The sentences a meeting passage's body is drawn from, whatever its kind.
enum BodyPhrases {
    static let all = PhraseTemplate.parsed(results + partyBuilding + discussion + context)
    /// The sentences about the setting alone, for the passages that report no meeting.
    static let setting = PhraseTemplate.parsed(context)

    private static let results = [
        "Công tác giáo dục chính trị, [tuyên truyền, phổ biến giáo dục pháp luật|lãnh đạo tư tưởng|quản lý tư tưởng bộ đội] được [tiến hành|duy trì|triển khai] [thường xuyên, nền nếp|đúng chương trình, kế hoạch|với nhiều hình thức phong phú, sáng tạo]; {pct}% cán bộ, chiến sĩ [có nhận thức chính trị đạt yêu cầu|nắm vững nhiệm vụ] trở lên, trong đó {pct2}% đạt khá, giỏi.",
        "Các đơn vị [duy trì nghiêm|thực hiện nghiêm] chế độ trực sẵn sàng chiến đấu, [huấn luyện đúng chương trình, kế hoạch|tổ chức huấn luyện sát thực tế chiến đấu], kết quả kiểm tra có {pct}% nội dung đạt yêu cầu, trong đó {pct2}% khá, giỏi[; {subunits} được cấp trên đánh giá đạt loại giỏi|].",
        "Công tác hậu cần, kỹ thuật bảo đảm [đầy đủ, kịp thời|chu đáo] cho các nhiệm vụ; hệ số kỹ thuật vũ khí, trang bị đạt {pct}%, [đời sống vật chất, tinh thần của bộ đội được nâng lên|tăng gia sản xuất đạt hơn {big} triệu đồng, góp phần cải thiện bữa ăn cho bộ đội].",
        "Đơn vị đã phối hợp với cấp ủy, chính quyền địa phương [tỉnh {province}|huyện {district}] xây dựng {num} nhà [tình nghĩa|đồng đội|đại đoàn kết], tặng {big} suất quà cho gia đình chính sách, hộ nghèo[; tham gia giúp nhân dân {help} với hơn {big} ngày công|].",
        "Cuộc vận động \"Phát huy truyền thống, cống hiến tài năng, xứng danh Bộ đội Cụ Hồ\" và phong trào thi đua Quyết thắng được [đẩy mạnh|triển khai sâu rộng], [xuất hiện nhiều tập thể, cá nhân điển hình tiêu biểu|gắn với thực hiện các nhiệm vụ chính trị của đơn vị]; {num} tập thể, {big} cá nhân được các cấp khen thưởng.",
        "Đơn vị đã [hoàn thành|tham gia] {num} cuộc diễn tập [chỉ huy - cơ quan|chiến đấu phòng thủ|khu vực phòng thủ] các cấp tại [tỉnh {province}|huyện {district}], được [{superior}|cấp trên] đánh giá đạt loại [khá|giỏi], bảo đảm an toàn tuyệt đối về người, vũ khí, trang bị.",
        "[Năm {year}|Trong kỳ], {subunits} được [{superior}|cấp trên] công nhận đạt danh hiệu đơn vị quyết thắng; {organizer} được tặng [Cờ thi đua|Bằng khen] vì có thành tích xuất sắc trong {task}.",
        "Tỷ lệ quân số tham gia huấn luyện đạt {pct}%, [kiểm tra bắn đạn thật|kiểm tra kết thúc huấn luyện] có {pct2}% đạt yêu cầu; [công tác huấn luyện dự bị động viên, dân quân tự vệ|công tác tuyển chọn, gọi công dân nhập ngũ] được triển khai chặt chẽ, đúng luật.",
        "Với tinh thần [chủ động|trách nhiệm], các cơ quan, đơn vị đã {result}; [đặc biệt|nhất là] trong {task}, {subunits} đã có nhiều cách làm hay, sáng tạo.",
        "Công tác chính sách được thực hiện [chu đáo|đúng chế độ]; đơn vị đã giải quyết chế độ cho {big} lượt quân nhân và gia đình, hỗ trợ {num} quân nhân có hoàn cảnh khó khăn với tổng kinh phí hơn {big} triệu đồng.",
        "Tính từ ngày {day}/{month} đến nay, {organizer} đã chỉ đạo {subunits} [cử {big} lượt cán bộ, chiến sĩ|huy động lực lượng, phương tiện] tham gia {help}.",
        "Công tác xây dựng chính quy, quản lý, rèn luyện kỷ luật có chuyển biến; tỷ lệ vi phạm kỷ luật [giảm so với năm {prev}|ở mức dưới 0,{num}%], không để xảy ra vụ việc nghiêm trọng, [an toàn giao thông|an toàn huấn luyện] được bảo đảm.",
    ]

    private static let partyBuilding = [
        "Các cấp ủy, tổ chức đảng đã [quán triệt|cụ thể hóa] {doc} thành [chương trình, kế hoạch|nghị quyết chuyên đề] sát với [chức năng, nhiệm vụ|tình hình thực tế] của từng cơ quan, đơn vị.",
        "Công tác xây dựng Đảng [được quan tâm|được chú trọng|có nhiều chuyển biến]; cuối năm có {pct}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên, {big} đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ; Đảng bộ kết nạp {num} đảng viên mới.",
        "Ủy ban Kiểm tra [Đảng ủy|các cấp] đã kiểm tra {num} tổ chức đảng và {big} đảng viên, giám sát {num} tổ chức đảng[, qua đó kịp thời chấn chỉnh những thiếu sót, khuyết điểm|, không phát hiện vi phạm|].",
        "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện {doc} được các tổ chức đảng [duy trì nền nếp|đưa vào sinh hoạt định kỳ], [phát huy vai trò nêu gương của cán bộ, đảng viên|tạo chuyển biến rõ nét về ý thức trách nhiệm].",
        "Đảng ủy đã lãnh đạo làm tốt công tác cán bộ, [bổ nhiệm, điều động {num} cán bộ đúng quy trình|cử {num} đồng chí đi đào tạo, bồi dưỡng tại Học viện Chính trị và các nhà trường quân đội], bảo đảm đủ số lượng, có chất lượng.",
        "Chất lượng sinh hoạt chi bộ [được nâng lên|có nhiều tiến bộ], {pct}% chi bộ được đánh giá tốt; các chi bộ duy trì [sinh hoạt chuyên đề hằng quý|sinh hoạt thường kỳ đúng nền nếp], [nội dung sát với nhiệm vụ của đơn vị|phát huy dân chủ, tự phê bình và phê bình].",
        "Thực hiện {doc}, {organizer} đã [chỉ đạo|hướng dẫn] {subunits} [rà soát, bổ sung quy chế lãnh đạo|xây dựng kế hoạch thực hiện] và tổ chức sơ kết rút kinh nghiệm vào ngày {otherDate}.",
        "[Đảng bộ|Đảng ủy] đã lãnh đạo thực hiện tốt [Nghị quyết số {docno}-NQ/QUTW về lãnh đạo công tác giáo dục chính trị|Chỉ thị số {docno}/CT-TCCT về tăng cường công tác dân vận|Kết luận số {docno}-KL/TW của Bộ Chính trị], [xây dựng Đảng bộ trong sạch vững mạnh tiêu biểu|xây dựng đơn vị vững mạnh toàn diện \"mẫu mực, tiêu biểu\"].",
    ]

    private static let discussion = [
        "Bên cạnh kết quả đạt được, [hội nghị|báo cáo tại hội nghị] [cũng |]chỉ ra một số hạn chế như: {shortcomings}.",
        "Thảo luận tại hội nghị, các đại biểu [tập trung|đã] [phân tích, làm rõ|đánh giá] {topics}[ và đề xuất nhiều giải pháp thiết thực|, thống nhất các biện pháp lãnh đạo trong thời gian tới].",
        "[Nhiều ý kiến|Một số ý kiến] [cho rằng|đề nghị] cần tiếp tục quan tâm {task}, [nhất là ở {subunits}|nhất là đối với đội ngũ cán bộ cấp phân đội], [bảo đảm|góp phần] hoàn thành tốt nhiệm vụ được giao.",
        "Tại hội nghị, {person}, {post} [đã trình bày tham luận về|chia sẻ kinh nghiệm trong] {task}[, được các đại biểu đánh giá cao|].",
        "Hội nghị đã nghe {person}, {post} [trình bày báo cáo tổng hợp ý kiến|thông qua dự thảo nghị quyết], đồng thời [nghe tham luận của {subunits}|thống nhất {num} chỉ tiêu chủ yếu cho năm {next}].",
        "Theo {doc}, [từ ngày {otherDate}|trước ngày {otherDate}], các tổ chức đảng phải hoàn thành việc [rà soát, đánh giá|kiểm điểm] và báo cáo kết quả về {superiorBody}[ để tổng hợp|].",
        "Nguyên nhân của những hạn chế được chỉ ra là {shortcomings}[; những hạn chế này cần sớm được khắc phục trong năm {next}|].",
        "Năm {next}, {organizer} xác định [tập trung|chú trọng] lãnh đạo {tasks}, phấn đấu có {pct}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.",
    ]

    /// Sentences about the setting: weather, terrain, grounds, daily life; few cue words.
    private static let context = [
        "[Năm {year}|Thời gian qua], [tình hình thế giới, khu vực tiếp tục diễn biến phức tạp|thời tiết trên địa bàn diễn biến bất thường, mưa lũ kéo dài], [ảnh hưởng không nhỏ đến|tác động trực tiếp tới] việc thực hiện nhiệm vụ của các cơ quan, đơn vị; song với quyết tâm cao, cán bộ, chiến sĩ đã [khắc phục khó khăn|vượt qua thử thách], hoàn thành [tốt|xuất sắc] các chỉ tiêu, kế hoạch đề ra.",
        "Các thao trường, bãi tập được [đầu tư nâng cấp|củng cố, mở rộng] với tổng kinh phí hơn {big} triệu đồng; bộ đội tự làm {num} mô hình, học cụ phục vụ huấn luyện, [tiết kiệm hàng trăm triệu đồng|bảo đảm sát với thực tế chiến đấu].",
        "Năm {year}, {num} sáng kiến, cải tiến kỹ thuật [được ứng dụng hiệu quả|đoạt giải cao tại hội thi sáng tạo kỹ thuật cấp tỉnh], điển hình như [mô hình mô phỏng huấn luyện lái xe|thiết bị kiểm tra đường dây thông tin|phần mềm quản lý quân số], giúp [rút ngắn thời gian huấn luyện|giảm chi phí bảo đảm] mà vẫn nâng cao chất lượng.",
        "Đời sống của bộ đội [từng bước được cải thiện|được nâng lên rõ rệt]; mức ăn được bảo đảm đúng tiêu chuẩn, {num} bếp ăn được cải tạo, [các bếp ăn hợp vệ sinh|tất cả doanh trại có nước sạch], khu vườn tăng gia [xanh, sạch, đẹp|cung cấp đủ rau xanh cho bộ đội] quanh năm.",
        "Trên địa bàn [miền núi|biên giới|ven biển] huyện {district} còn nhiều khó khăn, [giao thông đi lại vất vả|đời sống của đồng bào dân tộc thiểu số còn thiếu thốn], cán bộ, chiến sĩ đã [bám địa bàn, bám dân|cùng ăn, cùng ở, cùng làm với nhân dân], góp phần xây dựng [cơ sở chính trị vững mạnh|thế trận lòng dân vững chắc].",
        "Công tác bảo đảm an toàn [giao thông|phòng, chống cháy nổ|kho tàng] được duy trì chặt chẽ; các cơ quan chức năng đã tổ chức {num} đợt kiểm tra, [phát hiện và khắc phục kịp thời những sơ hở, thiếu sót|không để xảy ra sự cố đáng tiếc nào].",
        "Hoạt động [văn hóa, văn nghệ|thể dục, thể thao] diễn ra sôi nổi với {num} giải đấu, hội diễn, [đội văn nghệ xung kích|các vận động viên] giành {num} huy chương tại [giải đấu|liên hoan] do {superior} tổ chức, tạo không khí vui tươi, phấn khởi, gắn bó trong mỗi tập thể.",
        "Bên cạnh huấn luyện, bộ đội đã tham gia [xây dựng các công trình phòng thủ|bảo đảm giao thông mùa mưa bão|rà phá bom mìn, vật liệu nổ sau chiến tranh] tại [tỉnh {province}|huyện {district}], [bảo đảm tiến độ, chất lượng|được nhân dân địa phương tin yêu, quý mến].",
        "[Theo đánh giá của cơ quan chức năng|Qua kiểm tra thực tế], [chất lượng tổng hợp|sức mạnh chiến đấu] của {unit} [có bước phát triển mới|được nâng lên], [tổ chức biên chế ngày càng tinh, gọn, mạnh|trình độ làm chủ vũ khí, trang bị mới của bộ đội được nâng cao rõ rệt].",
        "Trong {num} ngày, nhiều phần việc [nặng nhọc|khó khăn, phức tạp] như [vận chuyển vật chất lên điểm cao|làm đường tuần tra|sửa chữa xe, máy trong điều kiện dã ngoại] được hoàn thành trước thời hạn, thể hiện tinh thần [chịu đựng gian khổ|đoàn kết, sáng tạo] của người lính.",
    ]
}
