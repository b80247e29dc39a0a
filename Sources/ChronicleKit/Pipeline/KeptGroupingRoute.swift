import Foundation

/// A night that only adds files, all sorting after the stored ones (new dated folders, the
/// crawler's next export), continues the grouping the last run kept (`KeptGrouping`) with the
/// new files' records: no stored file's summary is read but those a merge needs, the archive is
/// not grouped again, and only the groups the new reports join are merged again. The
/// chronology is the one a build from the summaries gives; when the grouping cannot be
/// continued (`GroupingState.extend`), the night builds from the summaries.
extension ChronicleRun {
    /// What a night continues: the kept grouping, and the stored files in input order (their
    /// positions in the survey), all before the new ones.
    struct KeptGroupingStart: Sendable {
        var kept: KeptGrouping
        var storedFiles: [Int]
    }

    /// The chronology of a night from the kept grouping, with the files extracted and the
    /// fingerprint of the inputs; nil when the night is not one that only adds files after the
    /// stored ones, or the grouping cannot be continued (the caller then builds from the
    /// summaries, with the same extraction).
    func keptGroupingChronology(
        _ survey: FileSurvey, inputs: RunInputs, store: ChronicleStore, spool: ScratchFile?, fresh: BackgroundTask<ExtractedFiles>,
        progress: ProgressBar, keeper: inout SummaryKeeper, timer: inout PhaseTimer
    ) throws -> (built: BuiltChronology, extracted: ExtractedFiles, fingerprint: String?)? {
        let start: KeptGroupingStart?
        do {
            start = try keptGroupingStart(survey, inputs: inputs, store: store)
        } catch {
            _ = try? fresh.result()
            throw error
        }
        guard let start else { return nil }
        let earlier = BackgroundTask { try store.earlierMerges() }
        let extracted = try fresh.result()
        progress.finish()
        timer.lap("read the kept grouping and extract")
        let fingerprint = inputsFingerprint(survey, extracted: extracted, inputs: inputs)
        guard
            case (let grouping, let problems, let articles, let kept)? = try continueGrouping(
                consume start, survey: survey, extracted: extracted, inputs: inputs, store: store, spool: spool, earlier: earlier,
                keeper: &keeper)
        else {
            // Both done before the build from the summaries reads the store and the cores again.
            _ = try? fingerprint.result()
            _ = try? earlier.result()
            logger.info("the kept grouping cannot take this night's files; grouping the whole archive")
            return nil
        }
        var built = try finishChronology(consume grouping, problems: problems, articles: articles, kept: kept, store: store)
        built.groupingContinued = true
        let inputsFingerprint = try fingerprint.result()
        timer.lap("chronology from the kept grouping")
        return (built, extracted, inputsFingerprint)
    }

    /// The kept grouping a night can continue: every file is unchanged or new, the new ones all
    /// sort after the unchanged ones, and the store kept the grouping of exactly the unchanged
    /// ones (the fingerprint of their inputs is the cached chronology's). Nil otherwise.
    func keptGroupingStart(_ survey: FileSurvey, inputs: RunInputs, store: ChronicleStore) throws -> KeptGroupingStart? {
        let files = survey.files, states = survey.states
        guard survey.removed.isEmpty, files.indices.allSatisfy({ states[$0].reusedHash != nil || !survey.known[$0] }) else { return nil }
        // Input order, as the summaries' archive takes the files (`summaryArchive`).
        let ordered = zip(files, files.dropFirst()).allSatisfy { ByteOrder.precedes($0.displayPath, $1.displayPath) }
        let order =
            ordered ? Array(files.indices) : files.indices.sorted { ByteOrder.precedes(files[$0].displayPath, files[$1].displayPath) }
        let stored = order.prefix { states[$0].reusedHash != nil }
        guard !stored.isEmpty, stored.count < files.count,
            order[stored.count...].allSatisfy({ states[$0].reusedHash == nil }),
            let fingerprint = survey.fingerprintOfReused(
                inputs: inputs, window: options.config.window, workingDirectory: options.workingDirectory),
            let kept = try store.keptGrouping(fingerprint: fingerprint),
            kept.state.window == options.config.window, kept.recordsPerFile.count == stored.count
        else { return nil }
        return KeptGroupingStart(kept: kept, storedFiles: Array(stored))
    }

    /// The kept grouping extended with the new files' records and merged; nil when it cannot be
    /// extended, the last run's merges cannot be read, or a stored record a merge needed could
    /// not be read.
    private func continueGrouping(
        _ start: consuming KeptGroupingStart, survey: FileSurvey, extracted: ExtractedFiles, inputs: RunInputs,
        store: ChronicleStore, spool: ScratchFile?, earlier: BackgroundTask<EarlierMerges?>, keeper: inout SummaryKeeper
    ) throws -> (grouping: ChronologyGrouping, problems: [ArticleProblem], articles: Int, kept: RecordArchive.Blob?)? {
        // The last run's chronology is read whole before it is decoded: what the continuation
        // holds is made after that, not beside it (at 200,000 articles, the night's peak).
        guard let merges = try earlier.result() else { return nil }
        // The new files' summaries alone: a stored file has none among `stored`, and is passed over.
        let none = StoredSummaries(reused: Array(repeating: nil, count: survey.files.count))
        guard
            let fresh = Self.summaryArchive(
                survey, stored: none, extracted: extracted, extraction: inputs.extraction, store: store, spool: spool, keeper: &keeper),
            let storedFiles = Self.storedFiles(start, survey: survey, extraction: inputs.extraction)
        else { return nil }
        let archiveSize = survey.files.count
        let loader = StoredRecordLoader(
            files: storedFiles, readSummaries: { try store.summaries(paths: $0) },
            fetch: { paths, body in try store.forEachRecordBlob(paths: paths, archive: archiveSize) { body($0, $1) } }, spool: spool)
        var archive = KeptArchive(stored: storedFiles, fresh: fresh, loader: loader)
        let (recordsPerFile, problems) = (start.kept.recordsPerFile + fresh.recordsPerFile, start.kept.problems + fresh.problems)
        var state = start.kept.state
        _ = consume start
        guard state.recordCount == archive.storedCount, state.extend(from: archive, records: archive.storedCount..<archive.recordCount)
        else { return nil }
        archive.earlierMerges = merges
        // The grouping is kept for the next night on another core while this one merges: the
        // state is let go once both are done with it.
        var keeping: BackgroundTask<RecordArchive.Blob>?
        let grouping = ChronologyBuilder(window: options.config.window).merge(consume state, archive) { state in
            let grouping = Handoff(KeptGrouping(state: state, recordsPerFile: recordsPerFile, problems: problems))
            keeping = BackgroundTask { Self.keep(grouping.take(), spool: spool) }
        }
        let kept = try keeping?.result()
        guard !archive.failed else {
            logger.warning("a stored record the night's merges needed could not be read; building the chronology from the summaries")
            return nil
        }
        logger.debug("the kept grouping continued with \(fresh.count) records; \(archive.storedFilesRead) stored summaries read")
        return (grouping, problems, archive.recordCount, kept)
    }

    /// The stored files of a kept grouping, in input order; nil when their number is not the
    /// grouping's.
    private static func storedFiles(_ start: borrowing KeptGroupingStart, survey: FileSurvey, extraction: Extraction) -> KeptArchive
        .StoredFiles?
    {
        let label = extraction.version + "|" + extraction.configFingerprint
        let files = survey.files, states = survey.states
        let identities = start.storedFiles.parallelMap(chunk: 1024) { index in
            SummaryArchive.fileIdentity(
                path: files[index].path, displayPath: files[index].displayPath, contentHash: states[index].reusedHash?.text ?? "",
                extraction: label)
        }
        return KeptArchive.StoredFiles(
            identities: identities, paths: start.storedFiles.map { files[$0].path }, recordsPerFile: start.kept.recordsPerFile,
            grouping: start.kept.state)
    }
}
