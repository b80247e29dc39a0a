/// The organizing unit of an event: canonical name and id, and the words the article used.
struct UnitReference: Sendable, Hashable, Codable {
    /// Canonical name without the party-body prefix, e.g. "Tổng cục Công nghiệp quốc phòng".
    var name: String
    /// Stable ASCII id, e.g. "tong-cuc-cong-nghiep-quoc-phong".
    var id: String
    /// The text as it stood in the article, e.g. "Tổng cục CNQP".
    var mention: String
    /// Which part of the meeting's clause named it, the evidence an analyst checks: `agent`
    /// ("do X tổ chức"), `subject` ("X tổ chức hội nghị"), `name` ("Hội nghị Đảng ủy X"), or
    /// `article` when the clause names none and the article's mentions decided. Nil in records
    /// that did not come from extraction.
    var role: String?

    init(name: String, id: String, mention: String, role: String? = nil) {
        self.name = name
        self.id = id
        self.mention = mention
        self.role = role
    }

    /// The same unit as the article wrote it; `role` is evidence about one article, so two
    /// reports of one meeting stay equal however each named its organizer.
    static func == (lhs: UnitReference, rhs: UnitReference) -> Bool {
        lhs.name == rhs.name && lhs.id == rhs.id && lhs.mention == rhs.mention
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(id)
        hasher.combine(mention)
    }
}
