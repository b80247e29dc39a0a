import Foundation
import Testing
@testable import ChronicleKit

/// The date an archive keeps in a file's path (`PathDate`), and how it becomes an article's
/// reference date: after the page's own metadata and a dateline in the text.
@Suite struct IngestPathDateTests {
    static func date(_ path: String) -> PartialDate? { PathDate.parse(path)?.value }

    // MARK: - Reading paths

    @Test func dayFromTheFileNameUnderYearAndMonthFolders() {
        let found = PathDate.parse("luu-tru/2023/01/2023-01-06-dang-uy-lu-doan-125-tong-ket.txt")
        #expect(found?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(found?.evidence == "2023/01/2023-01-06-dang-uy-lu-doan-125-tong-ket.txt")
        #expect(Self.date("2024_02_29_hoi-nghi.html") == PartialDate(year: 2024, month: 2, day: 29))
        #expect(Self.date("bao/2023-1-6.txt") == PartialDate(year: 2023, month: 1, day: 6))
    }

    @Test func dayFromFolders() {
        let compact = PathDate.parse("/srv/bao-chi/20230106/dang-uy-tong-ket.txt")
        #expect(compact?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(compact?.evidence == "20230106/dang-uy-tong-ket.txt")
        #expect(Self.date("20230106_qdnd/bai.txt") == PartialDate(year: 2023, month: 1, day: 6))
        let nested = PathDate.parse("kho/2023/01/06/hoi-nghi-dang-uy.txt")
        #expect(nested?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(nested?.evidence == "2023/01/06/hoi-nghi-dang-uy.txt")
        #expect(Self.date("2022/9/5/bai.txt") == PartialDate(year: 2022, month: 9, day: 5))
    }

    @Test func monthAndYearPrecision() {
        #expect(Self.date("2023-01/bai-viet.txt") == PartialDate(year: 2023, month: 1))
        #expect(Self.date("2023/01/bai-viet.txt") == PartialDate(year: 2023, month: 1))
        #expect(Self.date("tin/2023-01-tong-ket.txt") == PartialDate(year: 2023, month: 1))
        #expect(Self.date("2023/bai-viet.txt") == PartialDate(year: 2023))
        // A number folder not right below the year is not its month.
        #expect(Self.date("2023/quan-khu/01/bai.txt") == PartialDate(year: 2023))
        // A file named only by digits is a sequence number as often as a day.
        #expect(Self.date("2023/01/06.txt") == PartialDate(year: 2023, month: 1))
        // A day that does not exist leaves the folders' month.
        #expect(Self.date("2023/02/2023-02-29-bai.txt") == PartialDate(year: 2023, month: 2))
        #expect(Self.date("2023/02/31/bai.txt") == PartialDate(year: 2023, month: 2))
        #expect(Self.date("2023/13/bai.txt") == PartialDate(year: 2023))
    }

    @Test func numbersInsideSlugsAreNotDates() {
        for path in [
            "tin-tuc/dang-uy-nghi-quyet-05-2022.txt",
            "tin-tuc/tong-ket-nghi-quyet-382-2007.txt",
            "bai-2023-01-06.txt",
            "ke-hoach-2023/bai.txt",
            "2022-nghi-quyet-so-05.txt",  // a year alone is read only from a folder named by it
            "2023.txt",
            "2015-2020-nhiem-ky.txt",
            "2023-0106-bai.txt",
            "202301/bai.txt",
            "2023010612-bai.txt",
            "12/01/bai.txt",
            "lu-doan-2023/01/bai.txt",
            "2023x/01/bai.txt",
        ] {
            #expect(PathDate.parse(path) == nil, "\(path)")
        }
    }

    @Test func implausibleDatesAreRefused() {
        for path in [
            "1989/05/1989-05-14-bai.txt", "2101/bai.txt", "2023-13-01-bai.txt", "2023-00-10-bai.txt",
            "2023-02-30-bai.txt", "20231301/bai.txt", "2023-01-45x.txt", "2023-01-123-bai.txt", "2023-01_06-bai.txt",
            "", "/", "bai.txt",
        ] {
            #expect(PathDate.parse(path) == nil, "\(path)")
        }
        #expect(Self.date("1990/bai.txt") == PartialDate(year: 1990))
        #expect(Self.date("2100-12-31.txt") == PartialDate(year: 2100, month: 12, day: 31))
    }

    @Test func readingsThatDisagreeGiveNoDate() {
        #expect(PathDate.parse("2022/12/2023-01-06-bai.txt") == nil)
        #expect(PathDate.parse("2023-01/2023-02-01-bai.txt") == nil)
        #expect(PathDate.parse("2019/luu-tru/2023/01/bai.txt") == nil)
        // Readings that agree: the finest wins, the evidence starts at the first.
        let agreeing = PathDate.parse("2023/2023-01/20230106/bai.txt")
        #expect(agreeing?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(agreeing?.evidence == "2023/2023-01/20230106/bai.txt")
    }
}
