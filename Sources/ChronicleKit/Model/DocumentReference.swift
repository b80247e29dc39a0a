/// A party or state document the article refers to, such as "Nghị quyết số 382-NQ/ĐUQSTW ngày 29-11-2007".
struct DocumentReference: Sendable, Hashable {
    /// Normalized code: `382-NQ/ĐUQSTW`, `21-KL/TW`, or a name such as `Nghị quyết Trung ương 8 khóa XI`.
    var code: String
    /// "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định" or "Quyết định".
    var type: String
    var number: String?
    var issuer: String?
    var date: PartialDate?

    init(code: String, type: String, number: String? = nil, issuer: String? = nil, date: PartialDate? = nil) {
        self.code = code
        self.type = type
        self.number = number
        self.issuer = issuer
        self.date = date
    }
}
