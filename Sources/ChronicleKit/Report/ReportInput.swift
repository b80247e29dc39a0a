/// Everything a report shows: the chronology plus the run's context.
public struct ReportInput: Sendable {
    public var chronology: Chronology
    /// The run's context, which reports written from an outline read too.
    var context: ReportContext

    init(
        chronology: Chronology, problems: [ArticleProblem], asOf: PartialDate, newEventIDs: Set<String> = [],
        newSince: PartialDate? = nil, articlesRead: Int = 0, filesSkipped: Int = 0, firstSeenDates: [String: PartialDate] = [:]
    ) {
        self.chronology = chronology
        self.context = ReportContext(
            problems: problems, asOf: asOf, newEventIDs: newEventIDs, newSince: newSince, firstSeenDates: firstSeenDates,
            articlesRead: articlesRead, filesSkipped: filesSkipped)
    }

    init(chronology: Chronology, context: ReportContext) {
        self.chronology = chronology
        self.context = context
    }

    /// Articles that could not be read or whose meeting could not be dated, sorted by source.
    public var problems: [ArticleProblem] {
        get { context.problems }
        set { context.problems = newValue }
    }
    /// The report's "as of" date.
    public var asOf: PartialDate {
        get { context.asOf }
        set { context.asOf = newValue }
    }
    /// Ids of chronology events first seen in this run (from the store); empty on a first run.
    public var newEventIDs: Set<String> {
        get { context.newEventIDs }
        set { context.newEventIDs = newValue }
    }
    /// The "as of" date of the run the new events are new since; nil on a first run.
    public var newSince: PartialDate? {
        get { context.newSince }
        set { context.newSince = newValue }
    }
    /// The "as of" date of the run that first saw each event (from the store); events missing
    /// here are first seen in this run.
    public var firstSeenDates: [String: PartialDate] {
        get { context.firstSeenDates }
        set { context.firstSeenDates = newValue }
    }
    /// Numbers for the overview.
    public var articlesRead: Int {
        get { context.articlesRead }
        set { context.articlesRead = newValue }
    }
    public var filesSkipped: Int {
        get { context.filesSkipped }
        set { context.filesSkipped = newValue }
    }

    /// The date an event was first seen: an earlier run's "as of" date, or this run's.
    public func firstSeen(_ id: String) -> PartialDate {
        context.firstSeen(id)
    }
}

/// What a report shows besides the events (`ReportInput`).
struct ReportContext: Sendable {
    var problems: [ArticleProblem]
    var asOf: PartialDate
    var newEventIDs: Set<String>
    /// The "as of" date of the run `newEventIDs` are new since ("Mới kể từ lần chạy ngày …").
    var newSince: PartialDate? = nil
    var firstSeenDates: [String: PartialDate]
    var articlesRead: Int
    var filesSkipped: Int

    func firstSeen(_ id: String) -> PartialDate {
        firstSeenDates[id] ?? asOf
    }
}
