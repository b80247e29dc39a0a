/// A party or state document the article refers to, such as "Nghị quyết số 382-NQ/ĐUQSTW ngày 29-11-2007".
public struct DocumentReference: Sendable, Hashable {
    /// Normalized code: `382-NQ/ĐUQSTW`, `21-KL/TW`, or a name such as `Nghị quyết Trung ương 8 khóa XI`.
    public var code: String
    /// "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định" or "Quyết định".
    public var type: String
    public var number: String?
    public var issuer: String?
    public var date: PartialDate?

    public init(code: String, type: String, number: String? = nil, issuer: String? = nil, date: PartialDate? = nil) {
        self.code = code
        self.type = type
        self.number = number
        self.issuer = issuer
        self.date = date
    }
}
