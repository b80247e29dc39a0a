/// Article templates written for the benchmark in the style of the military press (with its
/// scraping noise), used when the project has no sample articles. Slots in braces are filled per
/// article by `SyntheticCorpus`; see `SyntheticTemplate` for the list.
enum BuiltInTemplates {
    static let all: [String] = [yearEndReview, midYearReview, resolutionReview, committeeMeeting, selfCriticism]

    static let yearEndReview = """
        {organizer} tổng kết công tác Đảng, công tác chính trị năm {year}
        leftcenterrightdel
        Chiều {day}/{month}, {organizer} tổ chức Hội nghị tổng kết công tác Đảng, công tác chính trị năm {year}, triển khai phương hướng, nhiệm vụ năm {next}. {chair}, Bí thư Đảng ủy, Chính ủy {unit} chủ trì hội nghị.
        Dự hội nghị có đồng chí {guest}, Phó chủ nhiệm Chính trị Quân khu; các đồng chí trong Ban Thường vụ, Ban Chấp hành Đảng bộ, bí thư cấp ủy các cơ quan, đơn vị trực thuộc.
        leftcenterrightdel
        Quang cảnh hội nghị. Ảnh: {credit}
        Báo cáo tại hội nghị khẳng định, năm {year}, {organizer} đã lãnh đạo, chỉ đạo các cấp quán triệt, thực hiện nghiêm Nghị quyết số {doc}-NQ/ĐUQSTW của Quân ủy Trung ương về lãnh đạo công tác giáo dục chính trị trong tình hình mới và Chỉ thị số {doc2}-CT/TCCT của Tổng cục Chính trị. Công tác giáo dục chính trị, tuyên truyền, phổ biến giáo dục pháp luật được tiến hành thường xuyên, với nhiều hình thức phong phú; {pct}% cán bộ, chiến sĩ có nhận thức chính trị đạt yêu cầu trở lên, trong đó {n}% đạt khá, giỏi.
        Công tác xây dựng Đảng bộ trong sạch vững mạnh tiêu biểu gắn với xây dựng đơn vị vững mạnh toàn diện "mẫu mực, tiêu biểu" được chú trọng. Cuối năm, {big} đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên; Đảng bộ kết nạp {n2} đảng viên mới, không có tổ chức cơ sở đảng yếu kém. Công tác kiểm tra, giám sát được thực hiện đúng nguyên tắc, quy trình; các cấp ủy đã kiểm tra {n3} tổ chức đảng và {big2} đảng viên, qua đó kịp thời chấn chỉnh những thiếu sót, khuyết điểm.
        Công tác chính sách, công tác dân vận được triển khai hiệu quả. Đơn vị đã phối hợp với cấp ủy, chính quyền địa phương trên địa bàn tỉnh {province} xây dựng {n4} nhà tình nghĩa, nhà đồng đội, tặng hàng trăm suất quà cho gia đình chính sách, hộ nghèo; tham gia giúp nhân dân khắc phục hậu quả thiên tai với hơn {big3} ngày công.
        Phát biểu kết luận hội nghị, {chair} biểu dương những kết quả mà các cơ quan, đơn vị đạt được trong năm {year}; đồng thời chỉ rõ một số hạn chế cần khắc phục như: việc nắm và quản lý tư tưởng ở một số đơn vị có lúc chưa sâu, chất lượng sinh hoạt chi bộ ở một số nơi chưa cao. Đồng chí yêu cầu năm {next}, các cấp ủy, chỉ huy tiếp tục quán triệt sâu sắc các nghị quyết, chỉ thị của cấp trên, nâng cao chất lượng công tác giáo dục chính trị, xây dựng tổ chức đảng trong sạch vững mạnh, góp phần hoàn thành tốt nhiệm vụ được giao.
        Dịp này, {organizer} tặng giấy khen cho {n5} tập thể và {n6} cá nhân có thành tích xuất sắc trong thực hiện công tác Đảng, công tác chính trị năm {year}.
        leftcenterrightdel
        {chair} trao giấy khen cho các tập thể. Ảnh: {credit2}
        {credit} - {credit2}
        """

    static let midYearReview = """
        {unit} sơ kết công tác Đảng, công tác chính trị 6 tháng đầu năm {year}
        Sáng {day}/{month}, {organizer} tổ chức hội nghị sơ kết lãnh đạo thực hiện nhiệm vụ 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm {year}. {chair}, Bí thư Đảng ủy, Chính ủy {unit} chủ trì hội nghị; đồng chí {guest}, Phó bí thư Đảng ủy, Tư lệnh đồng chủ trì.
        leftcenterrightdel
        Đại biểu dự hội nghị. Ảnh: {credit}
        Theo báo cáo, 6 tháng đầu năm {year}, {organizer} đã bám sát chủ trương, nghị quyết của cấp trên, ra nghị quyết lãnh đạo sát với tình hình thực tế đơn vị. Các cơ quan, đơn vị duy trì nghiêm chế độ trực sẵn sàng chiến đấu, huấn luyện đúng chương trình, kế hoạch; tổ chức thành công diễn tập chỉ huy - cơ quan một bên hai cấp trên bản đồ và thực địa, được cấp trên đánh giá đạt loại giỏi. Kết quả kiểm tra huấn luyện có {pct}% nội dung đạt yêu cầu, trong đó {n}% khá, giỏi.
        Công tác giáo dục chính trị, lãnh đạo tư tưởng được tiến hành đồng bộ; các đơn vị thực hiện tốt cuộc vận động "Phát huy truyền thống, cống hiến tài năng, xứng danh Bộ đội Cụ Hồ", phong trào thi đua Quyết thắng. Đảng bộ tổ chức học tập, quán triệt Nghị quyết số {doc}-NQ/TW của Bộ Chính trị và Kết luận số {doc2}-KL/TW bảo đảm chặt chẽ, có {pct2}% đảng viên tham gia, kết quả thu hoạch đạt yêu cầu.
        Công tác hậu cần, kỹ thuật bảo đảm đầy đủ, kịp thời cho các nhiệm vụ; đời sống vật chất, tinh thần của bộ đội được nâng lên. Đơn vị tăng gia sản xuất đạt hơn {big} triệu đồng, góp phần cải thiện bữa ăn cho bộ đội. Công tác dân vận được các cơ quan, đơn vị thực hiện thường xuyên; phối hợp với địa phương tỉnh {province} tổ chức khám bệnh, cấp thuốc miễn phí cho {big2} lượt người dân.
        Tại hội nghị, các đại biểu đã tập trung thảo luận, làm rõ kết quả đạt được, chỉ ra những hạn chế, nguyên nhân và đề xuất nhiều giải pháp thiết thực. Một số ý kiến cho rằng việc bồi dưỡng năng lực cho đội ngũ cán bộ chính trị cấp phân đội, chất lượng sinh hoạt tư tưởng ở một số chi bộ cần tiếp tục được quan tâm.
        Kết luận hội nghị, {chair} đề nghị các cấp ủy, tổ chức đảng tiếp tục đổi mới, nâng cao năng lực lãnh đạo, sức chiến đấu; tập trung lãnh đạo hoàn thành thắng lợi nhiệm vụ 6 tháng cuối năm, trọng tâm là huấn luyện, diễn tập, kiểm tra bắn đạn thật và công tác chuẩn bị tổng kết năm {year}. Đồng chí lưu ý các đơn vị chủ động nắm chắc tình hình, làm tốt công tác phòng, chống thiên tai, tìm kiếm cứu nạn, bảo đảm an toàn tuyệt đối về người và vũ khí trang bị.
        leftcenterrightdel
        {chair} phát biểu kết luận hội nghị. Ảnh: {credit2}
        Tin, ảnh: {credit}
        """

    static let resolutionReview = """
        Tổng kết {n7} năm thực hiện Nghị quyết {doc}-NQ/ĐUQSTW
        leftcenterrightdel
        Ngày {day}/{month}/{year}, {organizer} tổ chức hội nghị tổng kết {n7} năm thực hiện Nghị quyết số {doc}-NQ/ĐUQSTW của Quân ủy Trung ương về nâng cao chất lượng huấn luyện, sẵn sàng chiến đấu và Chỉ thị số {doc2}-CT/ĐU của Đảng ủy Quân khu về lãnh đạo công tác xây dựng chính quy, rèn luyện kỷ luật. {chair}, Bí thư Đảng ủy, Chính ủy {unit} chủ trì hội nghị.
        Dự và chỉ đạo hội nghị có đồng chí {guest}, Ủy viên Ban Thường vụ Đảng ủy Quân khu, Chủ nhiệm Chính trị Quân khu.
        Báo cáo tổng kết nêu rõ, quá trình thực hiện nghị quyết, {organizer} đã cụ thể hóa thành các chương trình, kế hoạch phù hợp với chức năng, nhiệm vụ của từng cơ quan, đơn vị. Chất lượng huấn luyện từng bước được nâng lên; {pct}% cán bộ, chiến sĩ kiểm tra kết thúc huấn luyện đạt yêu cầu, trong đó tỷ lệ khá, giỏi bình quân hằng năm đạt {n}%. Các đơn vị đã tham gia {n2} cuộc diễn tập các cấp, đều được đánh giá đạt khá, giỏi, bảo đảm an toàn tuyệt đối.
        Công tác xây dựng đơn vị vững mạnh toàn diện "mẫu mực, tiêu biểu" gắn với xây dựng môi trường văn hóa quân sự được đẩy mạnh. Tỷ lệ vi phạm kỷ luật giảm dần qua từng năm; không để xảy ra vụ việc nghiêm trọng. Cơ sở vật chất phục vụ huấn luyện được đầu tư, nâng cấp với tổng kinh phí hơn {big} tỷ đồng; đơn vị tự làm được {big2} mô hình, học cụ phục vụ huấn luyện.
        leftcenterrightdel
        Các đại biểu biểu quyết thông qua nghị quyết hội nghị. Ảnh: {credit}
        Tại hội nghị, đại biểu các đơn vị đã trao đổi kinh nghiệm lãnh đạo, chỉ đạo thực hiện nghị quyết, tập trung vào các giải pháp đổi mới nội dung, phương pháp huấn luyện, huấn luyện sát thực tế chiến đấu, đối tượng tác chiến và địa bàn tỉnh {province}. Nhiều ý kiến đề xuất tăng cường bồi dưỡng đội ngũ cán bộ, nhất là cán bộ cấp phân đội, nâng cao năng lực tổ chức huấn luyện và quản lý bộ đội.
        Phát biểu chỉ đạo, đồng chí {guest} ghi nhận, biểu dương những kết quả mà {organizer} đạt được trong {n7} năm qua; đề nghị thời gian tới tiếp tục quán triệt sâu sắc quan điểm, tư tưởng chỉ đạo của Đảng, Quân ủy Trung ương về công tác huấn luyện, xây dựng kế hoạch thực hiện nghị quyết giai đoạn {year}-{plus5}, bảo đảm sát thực tế, khả thi.
        Dịp này, {n5} tập thể và {n6} cá nhân có thành tích xuất sắc trong thực hiện Nghị quyết được khen thưởng.
        {credit} (Phòng Chính trị {unit})
        """

    static let committeeMeeting = """
        Hội nghị {organizer} lần thứ {n7} nhiệm kỳ 2020-2025
        Chiều {day}/{month}, {organizer} tổ chức hội nghị lần thứ {n7} nhiệm kỳ 2020-2025 ra nghị quyết lãnh đạo thực hiện nhiệm vụ quý {quarter}/{year}. {chair}, Bí thư Đảng ủy, Chính ủy {unit} chủ trì hội nghị. Tham dự có các đồng chí ủy viên Ban Chấp hành Đảng bộ, trưởng các cơ quan và chỉ huy các đơn vị trực thuộc.
        leftcenterrightdel
        Quang cảnh hội nghị. Ảnh: {credit}
        Đánh giá kết quả lãnh đạo thực hiện nhiệm vụ quý trước, hội nghị thống nhất nhận định: {organizer} đã lãnh đạo các cơ quan, đơn vị duy trì nghiêm chế độ sẵn sàng chiến đấu, trực ban, trực chỉ huy; hoàn thành công tác tuyển chọn, tiếp nhận và huấn luyện chiến sĩ mới năm {year} với {big} đồng chí, bảo đảm chặt chẽ, đúng quy định. Công tác giáo dục chính trị, tuyên truyền được duy trì; {pct}% quân nhân nắm vững nhiệm vụ, chấp hành nghiêm kỷ luật.
        Công tác xây dựng Đảng được quan tâm; các chi bộ duy trì nền nếp sinh hoạt, chất lượng sinh hoạt chuyên đề được nâng lên. Ủy ban Kiểm tra Đảng ủy đã kiểm tra {n3} tổ chức đảng cấp dưới, giám sát {n4} đảng viên, không phát hiện vi phạm. Công tác hậu cần, kỹ thuật bảo đảm đầy đủ cho các nhiệm vụ; hệ số kỹ thuật vũ khí, trang bị đạt {pct2}%.
        Thảo luận tại hội nghị, các đại biểu đã phân tích làm rõ những kết quả, hạn chế và đề xuất chủ trương, biện pháp lãnh đạo trong thời gian tới. Nhiều ý kiến tập trung vào việc nâng cao chất lượng huấn luyện chiến sĩ mới, quản lý tư tưởng bộ đội, làm tốt công tác dân vận trên địa bàn tỉnh {province}, chuẩn bị lực lượng, phương tiện sẵn sàng tham gia phòng, chống thiên tai, cháy nổ, cứu hộ, cứu nạn.
        Kết luận hội nghị, {chair} nhấn mạnh, các cấp ủy, chỉ huy cần tiếp tục quán triệt, thực hiện nghiêm các nghị quyết, chỉ thị của Quân ủy Trung ương, Bộ Quốc phòng và Nghị quyết số {doc}-NQ/ĐU của Đảng ủy cấp trên; tập trung lãnh đạo hoàn thành tốt nhiệm vụ huấn luyện, giáo dục chính trị, bảo đảm an toàn tuyệt đối về người, vũ khí, trang bị; chuẩn bị chu đáo các hoạt động kỷ niệm ngày lễ lớn trong quý.
        Hội nghị đã thảo luận, biểu quyết thông qua nghị quyết lãnh đạo thực hiện nhiệm vụ quý {quarter}/{year} với {pct3}% đại biểu tán thành.
        leftcenterrightdel
        {chair} kết luận hội nghị. Ảnh: {credit2}
        {credit}
        """

    static let selfCriticism = """
        Ban Thường vụ {organizer} kiểm điểm tự phê bình và phê bình năm {year}
        leftcenterrightdel
        Sáng {day}/{month}, Ban Thường vụ {organizer} tổ chức hội nghị kiểm điểm tự phê bình và phê bình tập thể, cá nhân năm {year}. {chair}, Bí thư Đảng ủy, Chính ủy {unit} chủ trì hội nghị. Dự và chỉ đạo có đồng chí {guest}, Phó bí thư Đảng ủy, Chính ủy Quân khu, cùng đại diện Ủy ban Kiểm tra Đảng ủy Quân khu và cơ quan chức năng.
        Hội nghị được tiến hành theo đúng Kết luận số {doc}-KL/TW của Bộ Chính trị và Hướng dẫn số {doc2}-HD/BTCTW của Ban Tổ chức Trung ương về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị. Trước hội nghị, Ban Thường vụ đã tổ chức lấy ý kiến góp ý của các tổ chức đảng trực thuộc và {big} lượt cán bộ, đảng viên.
        leftcenterrightdel
        Quang cảnh hội nghị. Ảnh: {credit}
        Báo cáo kiểm điểm của tập thể Ban Thường vụ đã đánh giá khách quan, toàn diện những ưu điểm nổi bật trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị năm {year}; đồng thời thẳng thắn chỉ ra những hạn chế như: việc cụ thể hóa một số chủ trương của cấp trên có lúc còn chậm; công tác kiểm tra, giám sát ở một số tổ chức cơ sở đảng chưa thường xuyên; chất lượng huấn luyện ở một số phân đội chưa đồng đều.
        Từng đồng chí ủy viên Ban Thường vụ đã trình bày bản kiểm điểm cá nhân, gắn với trách nhiệm người đứng đầu và lĩnh vực, địa bàn được phân công phụ trách; làm rõ việc thực hiện các nội dung theo Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị. Các đại biểu dự hội nghị đã tham gia {n} ý kiến góp ý với tinh thần xây dựng, thẳng thắn, chân thành.
        Phát biểu chỉ đạo, đồng chí {guest} đánh giá cao tinh thần tự phê bình và phê bình nghiêm túc của tập thể và cá nhân các đồng chí trong Ban Thường vụ {organizer}; đề nghị sau hội nghị, Ban Thường vụ khẩn trương xây dựng kế hoạch khắc phục hạn chế, khuyết điểm, có lộ trình, thời gian cụ thể; phát huy vai trò nêu gương của cán bộ chủ trì các cấp, xây dựng Đảng bộ {unit} trong sạch vững mạnh tiêu biểu, đơn vị vững mạnh toàn diện "mẫu mực, tiêu biểu".
        Tiếp thu ý kiến chỉ đạo, {chair} khẳng định Ban Thường vụ sẽ nghiêm túc khắc phục những hạn chế đã được chỉ ra, lãnh đạo đơn vị hoàn thành thắng lợi nhiệm vụ năm {next}.
        {credit} - {credit2}
        """
}
