/// What writing a range of a benchmark corpus produced.
package struct CorpusWriteStats: Sendable, Equatable {
    package var articles = 0
    package var textFiles = 0
    package var exportFiles = 0
    package var bytes = 0

    package init() {}

    static func + (a: CorpusWriteStats, b: CorpusWriteStats) -> CorpusWriteStats {
        var sum = a
        sum.articles += b.articles
        sum.textFiles += b.textFiles
        sum.exportFiles += b.exportFiles
        sum.bytes += b.bytes
        return sum
    }
}
