import Foundation
import Testing
@testable import ChronicleKit

/// Publication dates as pages and crawler exports write them.
@Suite struct IngestMetadataDateTests {
    @Test func commonFormsAreRead() {
        let day = PartialDate(year: 2022, month: 12, day: 15)
        #expect(MetadataDate.parse("2022-12-15") == day)
        #expect(MetadataDate.parse("2022-12-15T08:30:00+07:00") == day)
        #expect(MetadataDate.parse("2022-12-15T01:30:00Z") == day)
        #expect(MetadataDate.parse("15/12/2022 08:30") == day)
        #expect(MetadataDate.parse("2022/12/15 08:30") == day)
        #expect(MetadataDate.parse("2022-12") == PartialDate(year: 2022, month: 12))
    }

    @Test func epochsInSecondsOrMillisecondsAreReadWhole() {
        // 2022-12-15 08:00 in Vietnam (01:00 UTC).
        #expect(MetadataDate.parse("1671066000") == PartialDate(year: 2022, month: 12, day: 15))
        #expect(MetadataDate.parse("1671066000000") == PartialDate(year: 2022, month: 12, day: 15))
        #expect(MetadataDate.parse("16710660001234567") == nil)
    }

    @Test func aNumberThatIsNoEpochGivesNoDate() throws {
        let reader = JSONLinesReader(loader: ExtractTestSupport.loader)
        for published in ["2022.5", "2022", "1671066000", "\"1671066000000\""] {
            let line =
                #"{"url": "https://example.vn/a", "published": \#(published), "body": "Sáng 15/12, Đảng ủy Lữ đoàn 96 tổ chức hội nghị."}"#
            let article = try Array(line.utf8).withUnsafeBufferPointer { try reader.article($0, number: 1).get() }
            let expected: PartialDate? = published.contains("167") ? PartialDate(year: 2022, month: 12, day: 15) : nil
            #expect(article.referenceDate?.value == expected, "\(published)")
        }
    }
}
