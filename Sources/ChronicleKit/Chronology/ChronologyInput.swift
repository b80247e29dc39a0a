/// What `ChronologyBuilder` reads: records by position, in path order.
protocol ChronologyInput {
    var recordCount: Int { get }
    func record(_ index: Int) -> ArticleRecord
}

extension Array: ChronologyInput where Element == ArticleRecord {
    var recordCount: Int { count }
    func record(_ index: Int) -> ArticleRecord { self[index] }
}

extension RecordArchive: ChronologyInput {
    var recordCount: Int { count }
}
