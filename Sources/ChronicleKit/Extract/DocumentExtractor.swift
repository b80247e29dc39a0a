/// A document reference with where it stands.
struct DocumentMention {
    var document: DocumentReference
    var range: Range<Int>
}

/// Finds references to resolutions, directives and conclusions: "Nghị quyết số 382-NQ/ĐUQSTW
/// ngày 29-11-2007", "Kết luận số 01", "Nghị quyết Trung ương 8 khóa XI".
enum DocumentExtractor {
    static func find(in text: ArticleText, dates: [DateMention]) -> [DocumentMention] {
        var result: [DocumentMention] = []
        let n = text.tokens.count
        var t = 0
        while t < n {
            guard text.starts(.documentType, at: t), let match = text.longest(at: t, .documentType) else {
                t += 1
                continue
            }
            // The "NQ" inside a code "382-NQ/QUTW" is not a new reference.
            if t > 0, text.adjacent(t - 1), text.isWord(t - 1, .dash) {
                t = match.end
                continue
            }
            let type = text.rules.documentTypes[Int(match.tag.value)]
            var p = match.end
            if text.isWord(p, .so) { p += 1 }
            var document: DocumentReference?
            var end = p
            if p < n, text.tokens[p].isNumber {
                end = p + 1
                while end < n, text.adjacent(end - 1) || text.isWord(end, .dash),
                    text.tokens[end].isWord || text.tokens[end].isNumber || text.isWord(end, .dash) || text.isWord(end, .slash)
                {
                    end += 1
                }
                var codeScalars = String.UnicodeScalarView()
                for k in p..<end {
                    for i in Int(text.tokens[k].start)..<Int(text.tokens[k].end) {
                        codeScalars.append(Unicode.Scalar(text.folded.scalars[i])!)
                    }
                }
                let code = String(codeScalars).uppercased()
                let number = String(text.tokens[p].number)
                // The last of two or more "/"-separated parts, split on the bytes ("/" is ASCII).
                let parts = code.utf8.split(separator: 0x2F)
                let issuer = parts.count > 1 ? String(Substring(parts[parts.count - 1])) : nil
                document = DocumentReference(
                    code: code.utf8.contains(0x2D) ? code : "\(type) \(code)", type: type,
                    number: number, issuer: issuer)
            } else if text.isWord(p, .trung), text.isWord(p + 1, .uong), p + 2 < n, text.tokens[p + 2].isNumber {
                // "Nghị quyết Trung ương 8 (khóa XI)" → "Nghị quyết Trung ương 8 khóa XI"
                let number = String(text.tokens[p + 2].number)
                end = p + 3
                var code = "\(type) Trung ương \(number)"
                var k = end
                if text.isWord(k, .dash) || text.isWord(k, .comma) || text.isWord(k, .lparen) { k += 1 }
                if text.isWord(k, .khoa), k + 1 < n, text.tokens[k + 1].isWord || text.tokens[k + 1].isNumber {
                    code += " khóa " + text.text((k + 1)..<(k + 2)).uppercased()
                    end = k + 2
                }
                document = DocumentReference(code: code, type: type, number: number)
            }
            if var doc = document {
                if let date = dates.first(where: { $0.range.lowerBound >= end && $0.range.lowerBound <= end + 2 && $0.year != nil }) {
                    doc.date = PartialDate(year: date.year!, month: date.month, day: date.day)
                    end = date.range.upperBound
                }
                result.append(DocumentMention(document: doc, range: match.start..<end))
            }
            t = max(end, match.end)
        }
        return result
    }
}
