/// One meeting reported by one article, as the record contract describes it.
public struct Event: Sendable, Hashable {
    var unit: UnitReference
    /// The party body that held it, e.g. "Đảng ủy Tổng cục Công nghiệp quốc phòng".
    var organizer: String?
    var kind: EventKind
    var title: String
    var date: EventDate
    /// The period reviewed or planned, when stated ("2022", "6 tháng đầu năm 2023", "2020-2025").
    var period: String?
    var chair: Person?
    var people: [Person]
    var documents: [DocumentReference]
    var credits: [String]

    init(
        unit: UnitReference, organizer: String? = nil, kind: EventKind, title: String, date: EventDate,
        period: String? = nil, chair: Person? = nil, people: [Person] = [], documents: [DocumentReference] = [],
        credits: [String] = []
    ) {
        self.unit = unit
        self.organizer = organizer
        self.kind = kind
        self.title = title
        self.date = date
        self.period = period
        self.chair = chair
        self.people = people
        self.documents = documents
        self.credits = credits
    }
}
