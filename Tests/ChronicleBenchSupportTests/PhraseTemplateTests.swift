import Testing
@testable import ChronicleBenchSupport

@Suite struct PhraseTemplateTests {
    @Test func choicesNestAndMayBeEmpty() throws {
        let template = try PhraseTemplate("Sáng {day}/{month}, [hội nghị [tổng kết|sơ kết]|đại hội] diễn ra[ tại {hall}|].")
        #expect(template.parts.count == 9)
        guard case .choice(let outer) = template.parts[5] else {
            Issue.record("no choice where the brackets are")
            return
        }
        #expect(outer.count == 2)
        guard case .choice(let inner) = outer[0][1] else {
            Issue.record("no nested choice")
            return
        }
        #expect(inner.count == 2)
        guard case .choice(let optional) = template.parts[7], optional.count == 2 else {
            Issue.record("no optional part")
            return
        }
        #expect(optional[1].isEmpty)
    }

    @Test func unknownSlotIsRejected() {
        #expect(throws: BenchCorpusError.unknownSlot(template: "Chiều {day}, {commander2} chủ trì.", name: "commander2")) {
            try PhraseTemplate("Chiều {day}, {commander2} chủ trì.")
        }
    }

    @Test func everyPoolIsFilled() {
        // Touching the pools parses them: a bad slot name stops here, not in a benchmark.
        for kind in PassageKind.allCases {
            if kind.isMeeting {
                #expect(!MeetingPhrases.headlines(kind).isEmpty)
                #expect(!MeetingPhrases.names(kind).isEmpty)
                #expect(!MeetingPhrases.body(kind).isEmpty)
            } else {
                #expect(!OtherPhrases.leads(kind).isEmpty)
                #expect(!OtherPhrases.body(kind).isEmpty)
            }
        }
        let pools = [
            MeetingPhrases.leads, MeetingPhrases.leadsWithChair, MeetingPhrases.chairs, MeetingPhrases.guests, MeetingPhrases.conclusions,
            BodyPhrases.all, PhrasePools.tasks, PhrasePools.shortcomings, PhrasePools.topics, PhrasePools.documents,
            PhrasePools.shortDocuments, PhrasePools.posts, PhrasePools.help, PhrasePools.contests, PhrasePools.contestAreas,
            PhrasePools.exercises, PhrasePools.results, PhrasePools.whens, PhrasePools.halls, PhrasePools.captions, PhrasePools.creditLines,
        ]
        #expect(pools.allSatisfy { !$0.isEmpty })
        #expect(PassageKind.allCases.reduce(0) { $0 + $1.weight } == 100)
    }
}
