/// Everything a report shows: the chronology plus the run's context.
struct ReportInput: Sendable {
    var chronology: Chronology
    /// Articles that could not be read or whose meeting could not be dated, sorted by source.
    var problems: [ArticleProblem]
    /// The report's "as of" date.
    var asOf: PartialDate
    /// Ids of chronology events first seen in this run (from the store); empty on a first run.
    var newEventIDs: Set<String>
    /// The "as of" date of the run that first saw each event (from the store); events missing
    /// here are first seen in this run.
    var firstSeenDates: [String: PartialDate]
    /// Numbers for the overview.
    var articlesRead: Int
    var filesSkipped: Int

    init(
        chronology: Chronology, problems: [ArticleProblem], asOf: PartialDate, newEventIDs: Set<String> = [],
        articlesRead: Int = 0, filesSkipped: Int = 0, firstSeenDates: [String: PartialDate] = [:]
    ) {
        self.firstSeenDates = firstSeenDates
        self.chronology = chronology
        self.problems = problems
        self.asOf = asOf
        self.newEventIDs = newEventIDs
        self.articlesRead = articlesRead
        self.filesSkipped = filesSkipped
    }

    /// The date an event was first seen: an earlier run's "as of" date, or this run's.
    func firstSeen(_ id: String) -> PartialDate {
        firstSeenDates[id] ?? asOf
    }
}
