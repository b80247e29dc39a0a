import Testing
@testable import ChronicleKit

@Suite struct VietnameseCollationTests {
    @Test func followsTheVietnameseAlphabet() {
        let names = [
            "Quân khu 4", "Quân đoàn 3", "Quân chủng Hải quân", "Binh đoàn 15", "Bộ đội Biên phòng", "Ban Chỉ huy Quân sự huyện Ân Thi",
        ]
        #expect(
            names.sorted(by: VietnameseCollation.precedes) == [
                "Ban Chỉ huy Quân sự huyện Ân Thi", "Binh đoàn 15", "Bộ đội Biên phòng",
                "Quân chủng Hải quân", "Quân đoàn 3", "Quân khu 4",
            ])
    }

    @Test func comparesNumbersByValue() {
        let names = ["Sư đoàn 312", "Sư đoàn 10", "Sư đoàn 9", "Quân khu 9", "Quân khu 1"]
        #expect(names.sorted(by: VietnameseCollation.precedes) == ["Quân khu 1", "Quân khu 9", "Sư đoàn 9", "Sư đoàn 10", "Sư đoàn 312"])
    }

    @Test func lettersWithMarksFollowTheirBase() {
        #expect(VietnameseCollation.precedes("Ca", "Că"))
        #expect(VietnameseCollation.precedes("Că", "Câ"))
        #expect(VietnameseCollation.precedes("Câ", "Cb"))
        #expect(VietnameseCollation.precedes("Do", "Đa"))
        #expect(VietnameseCollation.precedes("Đz", "E"))
        #expect(VietnameseCollation.precedes("Ô", "Ơ"))
        #expect(VietnameseCollation.precedes("U", "Ư"))
    }

    @Test func tonesOnlyBreakTiesAndCaseIsIgnored() {
        #expect(VietnameseCollation.precedes("ma", "mà"))
        #expect(VietnameseCollation.precedes("mà", "mả"))
        #expect(VietnameseCollation.precedes("mã", "má"))
        #expect(VietnameseCollation.precedes("má", "mạ"))
        #expect(VietnameseCollation.precedes("mạ", "mb"))
        #expect(VietnameseCollation.key("hà nội") < VietnameseCollation.key("Hà Nội 2"))
    }

    @Test func equalTextGivesEqualKeysAndNFDSortsLikeNFC() {
        #expect(VietnameseCollation.key("Quân đoàn 1") == VietnameseCollation.key("Quân đoàn 1"))
        let nfd = "Quân đoàn 1".decomposedStringWithCanonicalMapping
        #expect(VietnameseCollation.precedes(nfd, "Quân khu 1"))
    }
}
