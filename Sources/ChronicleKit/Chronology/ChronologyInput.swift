/// What `ChronologyBuilder` reads: records by position, in path order.
protocol ChronologyInput {
    var recordCount: Int { get }
    func record(_ index: Int) -> ArticleRecord
    /// The record with what grouping reads of it (`Reader.recordForGrouping`): its source, URL,
    /// status and text key, and each event's unit, kind, date and documents' codes. Other fields
    /// may be left empty.
    func groupingRecord(_ index: Int) -> ArticleRecord
}

extension ChronologyInput {
    func groupingRecord(_ index: Int) -> ArticleRecord { record(index) }
}

extension Array: ChronologyInput where Element == ArticleRecord {
    var recordCount: Int { count }
    func record(_ index: Int) -> ArticleRecord { self[index] }
}

extension RecordArchive: ChronologyInput {
    var recordCount: Int { count }
}
