/// The organizing unit of an event: canonical name and id, and the words the article used.
public struct UnitReference: Sendable, Hashable, Codable {
    /// Canonical name without the party-body prefix, e.g. "Tổng cục Công nghiệp quốc phòng".
    public var name: String
    /// Stable ASCII id, e.g. "tong-cuc-cong-nghiep-quoc-phong".
    public var id: String
    /// The text as it stood in the article, e.g. "Tổng cục CNQP".
    public var mention: String

    public init(name: String, id: String, mention: String) {
        self.name = name
        self.id = id
        self.mention = mention
    }
}
