/// What a matched phrase means to the extractor.
enum Cue: UInt8, Sendable {
    case unit  // value: index into the gazetteer
    case unitShape  // value: index into the unit shapes
    case meetingNoun  // "hội nghị", "đại hội", "phiên họp"
    case negativeEvent  // "hội thi", "hội thảo", "diễn tập", "buổi lễ"…
    case planned  // "sẽ tổ chức", "sẽ diễn ra"
    case kind  // value: EventKind index
    case chair  // "chủ trì"
    case directing  // "dự và chỉ đạo", "phát biểu chỉ đạo"
    case speaker  // "phát biểu", "trình bày"
    case attending  // "dự", "tham dự", "cùng dự"
    case organize  // "tổ chức", "khai mạc", "diễn ra"
    case partyPrefix  // "đảng ủy", "ban thường vụ đảng ủy", "đảng bộ"
    case rank  // value: index into ranks
    case honorific  // "đồng chí", "tổng bí thư"…: a name may follow
    case documentType  // value: index into document types
    case partOfDay  // value: PartOfDay index
    case term  // "nhiệm kỳ", "giai đoạn": the years that follow are a term
    case credit  // "tin, ảnh", "bài và ảnh"
    case guestPosition  // words before a unit that make it a guest's post ("thứ trưởng", "ủy viên")
    case today  // "hôm nay", "sáng nay": the publication day
    case commandPrefix  // "bộ tư lệnh", "chỉ huy" between a party prefix and its unit
    case negativeTopic  // "diễn tập", "thi đua" in a meeting's name
    case partyContext  // "đảng ủy", "công tác đảng", "nghị quyết": party and political work
    case negativeDomain  // "công đoàn", "công an": organizations outside army party work
    case post  // "chính ủy", "tư lệnh": a person's post before a unit
    case background  // "hồi tháng 3", "trước đó": a meeting named as the past, not the one reported
    case interview  // "PV:", "thưa đồng chí": questions and answers, not a report
    case clauseBoundary  // "tại", "đồng thời", "dưới sự": where a meeting's name ends
    case agentMarker  // "do", "được": the organizer follows ("do X tổ chức")
    case partySubject  // "đảng", "nghị quyết", "chính trị": party work as a meeting's subject
    case localDefence  // "quân sự địa phương", "quốc phòng": a command's own tasks
    case siteContact  // "hotline", "đường dây nóng": a site's banner, not the article
}

struct CueTag: Sendable, Hashable {
    var cue: Cue
    var value: Int32
}

/// A match of a rule phrase over tokens `start..<end`.
struct PhraseMatch: Sendable {
    var start: Int
    var end: Int
    var tag: CueTag
}

/// A trie of rule phrases over token ids, built once per run.
struct PhraseTrie: Sendable {
    /// Edges keyed by (node << 32 | token id), one flat table so a step is one hash look-up.
    private var edges = IDTable(capacity: 8192)
    private var tags: [[CueTag]] = [[]]
    /// Children of the root indexed by word id, so most tokens cost one array read.
    private var root: [Int32] = []
    /// For each node, one bit per child edge (`childBit` of its word id): a step the text does
    /// not continue, most of them, is refused by a read of this small array instead of a look-up
    /// in the edge table, which is past the first-level cache (a third of the matching's time).
    private var childMasks: [UInt64] = [0]

    @inline(__always) private static func childBit(_ id: Int32) -> UInt64 {
        1 << (UInt64(UInt32(bitPattern: id)) & 63)
    }

    @inline(__always) private static func key(_ node: Int32, _ id: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
    }

    mutating func insert(_ ids: [Int32], tag: CueTag) {
        guard !ids.isEmpty else { return }
        var node: Int32 = 0
        for id in ids {
            if let next = edges[Self.key(node, id)] {
                node = next
            } else {
                let next = Int32(tags.count)
                tags.append([])
                childMasks.append(0)
                childMasks[Int(node)] |= Self.childBit(id)
                edges.insert(Self.key(node, id), next)
                if node == 0 && id >= 0 {
                    if root.count <= Int(id) { root += [Int32](repeating: 0, count: Int(id) + 1 - root.count) }
                    root[Int(id)] = next
                }
                node = next
            }
        }
        if !tags[Int(node)].contains(tag) { tags[Int(node)].append(tag) }
    }

    /// Tags of every node laid out flat (`flatTags[flatStart[n]..<flatStart[n + 1]]`), so reading
    /// them costs no reference counting.
    private var flatStart: [Int32] = []
    private var flatTags: [CueTag] = []

    /// Lays the tags out flat and fits the edge table to the edges; call once after the last
    /// insert.
    mutating func seal() {
        edges.shrinkToFit()
        flatStart = [0]
        flatTags = []
        for list in tags {
            flatTags.append(contentsOf: list)
            flatStart.append(Int32(flatTags.count))
        }
    }

    @inline(__always) private func emit(_ node: Int32, start: Int, end: Int, into result: inout [PhraseMatch]) {
        let from = Int(flatStart[Int(node)]), to = Int(flatStart[Int(node) + 1])
        var i = from
        while i < to {
            result.append(PhraseMatch(start: start, end: end, tag: flatTags[i]))
            i += 1
        }
    }

    /// All phrase matches starting at each token, in token order (longer matches after shorter).
    func matches(in tokens: [Token]) -> [PhraseMatch] {
        var result: [PhraseMatch] = []
        result.reserveCapacity(tokens.count / 4)
        let n = tokens.count
        root.withUnsafeBufferPointer { root in
            tokens.withUnsafeBufferPointer { list in
                for start in 0..<n {
                    let first = list[start]
                    if first.kind != .number {
                        // Fast path: one array read decides whether any phrase starts here.
                        let id = Int(first.id)
                        guard id >= 0, id < root.count else { continue }
                        let next = root[id]
                        if next == 0 { continue }
                        emit(next, start: start, end: start &+ 1, into: &result)
                        walk(tokens, start: start, at: start &+ 1, node: next, into: &result)
                        continue
                    }
                    walk(tokens, start: start, at: start, node: 0, into: &result)
                }
            }
        }
        return result
    }

    private func walk(_ tokens: [Token], start: Int, at index: Int, node: Int32, into result: inout [PhraseMatch]) {
        guard index < tokens.count else { return }
        let token = tokens[index]
        let children = childMasks[Int(node)]
        if token.id >= 0, children & Self.childBit(token.id) != 0, let next = edges[Self.key(node, token.id)] {
            emit(next, start: start, end: index + 1, into: &result)
            walk(tokens, start: start, at: index + 1, node: next, into: &result)
        }
        if token.isNumber, children & Self.childBit(Vocabulary.anyNumber) != 0,
            let next = edges[Self.key(node, Vocabulary.anyNumber)]
        {
            emit(next, start: start, end: index + 1, into: &result)
            walk(tokens, start: start, at: index + 1, node: next, into: &result)
        }
    }
}
