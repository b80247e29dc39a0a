/// The people, unit, place and date one synthetic article is about: the values of the cast
/// `PhraseSlot`s, the same wherever they stand in the article.
struct ArticleCast: Sendable {
    var year: Int
    var month: Int
    var day: Int
    var unit: String
    var organizer: String
    var superior: String
    var chair: Person
    var commander: Person
    var guest: Person
    var chairPost: String
    var commanderPost: String
    var guestPost: String
    var province: String
    var district: String
    var credit: String
    var credit2: String
    /// Numbers for the units named beside the article's own (sub-units, neighbours).
    var subunitKind: String

    struct Person: Sendable {
        var rank: String
        var name: String
        var full: String { rank + " " + name }
    }

    init(kind: PassageKind, _ rng: inout SplitMix64) {
        year = 2022 + rng.below(2)
        month = kind.month(&rng)
        day = 1 + rng.below(28)
        province = rng.pick(Names.provinces)
        district = rng.pick(Names.districts)
        let shape = UnitShape.random(&rng, province: province, district: district)
        unit = shape.unit
        organizer = shape.organizer
        superior = shape.superior
        subunitKind = shape.subunitKind
        chair = Self.person(&rng, ranks: shape.ranks)
        commander = Self.person(&rng, ranks: shape.ranks)
        guest = Self.person(&rng, ranks: ["Thiếu tướng", "Trung tướng", "Đại tá"])
        chairPost = rng.pick([
            "Bí thư Đảng ủy, Chính ủy \(unit)", "Bí thư Đảng ủy, Chính ủy", "Chính ủy \(unit)", "Chính ủy, Bí thư Đảng ủy \(unit)",
            "Chính ủy",
        ])
        commanderPost = "Phó Bí thư Đảng ủy, \(shape.commanderTitle)"
        guestPost = rng.pick([
            "Ủy viên Ban Thường vụ Đảng ủy, Phó Chính ủy \(superior)", "Phó Chủ nhiệm Tổng cục Chính trị",
            "Chủ nhiệm Chính trị \(superior)", "Phó Tư lệnh \(superior)", "Ủy viên Thường vụ Quân ủy Trung ương, Thứ trưởng Bộ Quốc phòng",
            "Cục trưởng Cục Tổ chức, Tổng cục Chính trị",
        ])
        credit = Self.credit(&rng)
        credit2 = Self.credit(&rng)
    }

    static func person(_ rng: inout SplitMix64, ranks: [String]) -> Person {
        let middle = rng.below(4) == 0 ? rng.pick(Names.middles) + " " + rng.pick(Names.middles) : rng.pick(Names.middles)
        return Person(rank: rng.pick(ranks), name: "\(rng.pick(Names.families)) \(middle) \(rng.pick(Names.givens))")
    }

    /// A reporter's name as credit lines write it: in capitals, or a pen name.
    static func credit(_ rng: inout SplitMix64) -> String {
        switch rng.below(3) {
        case 0: return "\(rng.pick(Names.givens).uppercased()) \(rng.pick(Names.givens).uppercased())"
        case 1: return "\(rng.pick(Names.families).uppercased()) \(rng.pick(Names.givens).uppercased())"
        default: return "\(rng.pick(Names.families)) \(rng.pick(Names.middles)) \(rng.pick(Names.givens))"
        }
    }

    /// A unit named beside the article's own: "Trung đoàn 141", "Tiểu đoàn 18".
    func subunit(_ rng: inout SplitMix64) -> String {
        switch subunitKind {
        case "district": return "Ban Chỉ huy Quân sự huyện \(rng.pick(Names.districts))"
        case "border": return "Đồn Biên phòng \(rng.pick(Names.districts))"
        case "school": return "Tiểu đoàn \(rng.inRange(1...12))"
        default: return "\(subunitKind) \(rng.inRange(1...999))"
        }
    }
}
