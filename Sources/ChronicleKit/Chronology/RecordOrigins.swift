/// An input whose records are known across runs by where they come from: their file's identity
/// (`SummaryArchive.fileIdentity`) and their place among the file's records. Merge keys hash
/// that (`MergeKeys`): the same reports of files with the same identities merge the same.
protocol RecordOrigins {
    /// The identity of the file of the record at `index`, and the record's place in it.
    func origin(_ index: Int32) -> (file: Hash128.Digest, place: Int32)
}

extension RecordOrigins {
    /// What identifies a merge of the reports at `positions`, in rank order
    /// (`ChronologyInput.planKey`): each one's file identity, place in the file and event.
    func mergePlanKey(_ positions: [ReportPosition]) -> Hash128.Digest {
        // 1: the merge of `ChronologyBuilder.merge`/`fill`; a change there needs another label.
        var hash = Hash128("merge-plan-1")
        for position in positions { add(position, to: &hash) }
        return hash.digest
    }

    /// What identifies a group's reports in group order (`ChronologyInput.memberKey`): each
    /// one's file identity, place in the file, event, and the flags ranking reads.
    func mergeMemberKey(_ reports: [ChronologyBuilder.Report]) -> Hash128.Digest {
        // 1: the merge of `ChronologyBuilder.merge`/`fill`; a change there needs another label.
        var hash = Hash128("merge-members-1")
        for report in reports {
            add(report.position, to: &hash)
            hash.add(report.pinned)
            hash.add(report.copy)
        }
        return hash.digest
    }

    private func add(_ position: ReportPosition, to hash: inout Hash128) {
        let (file, place) = origin(position.record)
        hash.add(file)
        hash.add(Int(place))
        hash.add(Int(position.event))
    }
}
