/// Unit numbers, places and personal names the synthetic articles are filled with (common
/// Vietnamese names; no real officer is meant).
enum Names {
    static let divisions = [
        2, 3, 5, 7, 8, 9, 10, 31, 301, 302, 304, 305, 306, 308, 309, 312, 315, 316, 320, 324, 325,
        330, 341, 346, 355, 363, 365, 367, 368, 370, 371, 372, 373, 375, 377, 390, 395, 968,
    ]
    static let regions = [1, 2, 3, 4, 5, 7, 9]
    static let services = [
        "Quân đoàn 12", "Quân đoàn 34", "Quân chủng Hải quân", "Quân chủng Phòng không - Không quân", "Binh chủng Công binh",
        "Binh chủng Hóa học", "Binh chủng Đặc công", "Binh chủng Pháo binh", "Binh chủng Tăng thiết giáp",
        "Binh chủng Thông tin liên lạc", "Tổng cục Hậu cần", "Tổng cục Kỹ thuật", "Bộ Tư lệnh Thủ đô Hà Nội",
        "Bộ Tư lệnh Thành phố Hồ Chí Minh", "Binh đoàn 12", "Binh đoàn 15", "Tổng cục Công nghiệp quốc phòng",
    ]
    static let schools = [
        "Học viện Chính trị", "Học viện Lục quân", "Học viện Hậu cần", "Học viện Quân y", "Học viện Kỹ thuật quân sự",
        "Học viện Biên phòng", "Học viện Hải quân", "Trường Sĩ quan Lục quân 1", "Trường Sĩ quan Lục quân 2",
        "Trường Sĩ quan Chính trị", "Trường Sĩ quan Pháo binh",
    ]
    static let provinces = [
        "Hà Giang", "Cao Bằng", "Lạng Sơn", "Lào Cai", "Yên Bái", "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình",
        "Thái Nguyên", "Tuyên Quang", "Bắc Giang", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định",
        "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam",
        "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Gia Lai", "Kon Tum", "Đắk Lắk", "Lâm Đồng",
        "Bình Phước", "Tây Ninh", "Long An", "Tiền Giang", "Bến Tre", "Đồng Tháp", "An Giang", "Kiên Giang", "Cà Mau",
    ]
    static let districts = [
        "Quỳnh Lưu", "Hương Sơn", "Tiên Yên", "Mường Tè", "Bát Xát", "Đồng Văn", "Trùng Khánh", "Văn Lãng", "Mộc Châu",
        "Tương Dương", "Kỳ Anh", "Lệ Thủy", "Hướng Hóa", "A Lưới", "Nam Giang", "Sơn Tây", "Ngọc Hồi", "Đức Cơ",
        "Buôn Đôn", "Lộc Ninh", "Tân Biên", "Hồng Ngự", "Tịnh Biên", "Phú Quốc", "Ngọc Hiển", "Cô Tô", "Kim Sơn",
    ]
    static let families = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Phan", "Trịnh", "Đinh", "Lương", "Hà", "Tạ", "Mai", "Cao", "Lại", "Triệu", "Kiều",
    ]
    static let middles = [
        "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Thanh", "Mạnh", "Ngọc", "Trọng", "Công",
        "Duy", "Hồng", "Tiến", "Bá", "Đình", "Anh", "Việt", "Kim", "Thế",
    ]
    static let givens = [
        "Hùng", "Dũng", "Tuấn", "Thắng", "Hải", "Long", "Nam", "Sơn", "Phong", "Quân", "Cường",
        "Bình", "Hòa", "Thành", "Trung", "Kiên", "Lâm", "Huy", "Tùng", "Việt", "Khánh", "Toàn",
        "Nghĩa", "Hiếu", "Phúc", "Thịnh", "Vinh", "Chiến", "Lực", "Quyết", "Tâm", "Đạt",
    ]
}
