/// The unit a synthetic article is about, in one of the shapes the press names units by (numbered
/// units, provincial commands, academies, the gazetteer's corps and services), with its party
/// body, its superior and the title of its commander.
struct UnitShape: Sendable {
    var unit: String
    var organizer: String
    var superior: String
    var commanderTitle: String
    /// The prefix of its sub-units ("Trung đoàn"), or "district", "border", "school".
    var subunitKind: String
    var ranks: [String]

    private static let colonels = ["Đại tá", "Thượng tá"]
    private static let generals = ["Thiếu tướng", "Trung tướng", "Đại tá"]
    private static let majors = ["Trung tá", "Thượng tá", "Thiếu tá"]

    static func random(_ rng: inout SplitMix64, province: String, district: String) -> UnitShape {
        let region = "Quân khu \(rng.pick(Names.regions))"
        switch rng.below(12) {
        case 0, 1:
            let unit = "Sư đoàn \(rng.pick(Names.divisions))"
            return UnitShape(
                unit: unit, organizer: "Đảng ủy \(unit)", superior: rng.pick([region, "Quân đoàn \(rng.pick([12, 34]))"]),
                commanderTitle: "Sư đoàn trưởng", subunitKind: "Trung đoàn", ranks: colonels)
        case 2:
            let unit = "Lữ đoàn \(rng.pick(["", "", "công binh ", "pháo binh ", "xe tăng ", "thông tin "]))\(rng.inRange(100...699))"
            return UnitShape(
                unit: unit, organizer: "Đảng ủy \(unit)", superior: rng.pick(Names.services), commanderTitle: "Lữ đoàn trưởng",
                subunitKind: "Tiểu đoàn", ranks: colonels)
        case 3:
            let unit = "Trung đoàn \(rng.inRange(1...999))"
            return UnitShape(
                unit: unit, organizer: "Đảng ủy \(unit)", superior: "Sư đoàn \(rng.pick(Names.divisions))",
                commanderTitle: "Trung đoàn trưởng", subunitKind: "Tiểu đoàn", ranks: majors)
        case 4:
            return UnitShape(
                unit: region, organizer: "Đảng ủy \(region)", superior: "Bộ Quốc phòng", commanderTitle: "Tư lệnh Quân khu",
                subunitKind: "Sư đoàn", ranks: generals)
        case 5, 6:
            return UnitShape(
                unit: "Bộ Chỉ huy Quân sự tỉnh \(province)", organizer: "Đảng ủy Quân sự tỉnh \(province)", superior: region,
                commanderTitle: "Chỉ huy trưởng", subunitKind: "district", ranks: colonels)
        case 7:
            return UnitShape(
                unit: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh \(province)", organizer: "Đảng ủy Bộ đội Biên phòng tỉnh \(province)",
                superior: "Bộ đội Biên phòng", commanderTitle: "Chỉ huy trưởng", subunitKind: "border", ranks: colonels)
        case 8:
            return UnitShape(
                unit: "Ban Chỉ huy Quân sự huyện \(district)", organizer: "Đảng ủy Quân sự huyện \(district)",
                superior: "Bộ Chỉ huy Quân sự tỉnh \(province)", commanderTitle: "Chỉ huy trưởng", subunitKind: "Đại đội", ranks: majors)
        case 9:
            let unit = rng.pick(Names.schools)
            return UnitShape(
                unit: unit, organizer: "Đảng ủy \(unit)", superior: "Bộ Quốc phòng", commanderTitle: "Giám đốc", subunitKind: "school",
                ranks: generals)
        default:
            let unit = rng.pick(Names.services)
            return UnitShape(
                unit: unit, organizer: "Đảng ủy \(unit)", superior: "Bộ Quốc phòng", commanderTitle: "Tư lệnh", subunitKind: "Lữ đoàn",
                ranks: generals)
        }
    }
}
