/// The words the extractor's code tests by identity ("của" before a unit, "/" in a date): the
/// one list of them. Each case's raw value is the word; `ExtractionRules` interns every case
/// once per run into a `WordIDs` table, so the hot loops compare integers and never hash a
/// string. Adding a word is one line here; a test checks that every word is one real
/// vocabulary id, so none can silently match nothing.
///
/// Phrases the rules look for belong in `config/extraction/`, not here: these are only the
/// words the code's own logic is written around.
enum Word: String, CaseIterable, Sendable {
    // Punctuation
    case bang = "!"
    case bar = "|"
    case colon = ":"
    case comma = ","
    case dash = "-"
    case dot = "."
    case lparen = "("
    case question = "?"
    case semicolon = ";"
    case slash = "/"

    // Dates: "ngày 26 tháng 12 năm 2022", "từ 14 đến 16-5", "thứ Hai", "Chủ nhật",
    // "Ngày đăng:", "Cập nhật:"
    case ngay = "ngày"
    case thang = "tháng"
    case nam = "năm"
    case tu = "từ"
    case den = "đến"
    case toi = "tới"
    case thu = "thứ"
    case nhat = "nhật"
    case dang = "đăng"
    case cap = "cập"

    // Function words the clause rules read: lists, owners, places, requests, tense
    case va = "và"
    case cua = "của"
    case tai = "tại"
    case cac = "các"
    case nhung = "những"
    case nhieu = "nhiều"
    case co = "có"
    case la = "là"
    case de = "để"
    case can = "cần"
    case phai = "phải"
    case viec = "việc"
    case se = "sẽ"
    case tiep = "tiếp"
    case da = "đã"
    case duoc = "được"
    case cung = "cũng"

    // Names: "Đại hội", "Bộ …", "Trung ương 8 khóa XI", "Nghị quyết số …",
    // "quyết nghị"/"kết luận" before a congress's name
    case dai = "đại"
    case hoi = "hội"
    case bo = "bộ"
    case trung = "trung"
    case uong = "ương"
    case khoa = "khóa"
    case so = "số"
    case quyet = "quyết"
    case ket = "kết"

    /// The case's position in `allCases`: a no-payload enum is stored as its declaration
    /// index (one byte while there are at most 256 cases; `ExtractWordTests` checks both).
    @inline(__always) var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// The vocabulary id of every `Word`, read as an array indexed by the word.
struct WordIDs: Sendable {
    /// An id no token has: what every word is before the rules are loaded.
    static let matchesNothing: Int32 = -99

    private var ids: [Int32]

    init() { ids = [Int32](repeating: Self.matchesNothing, count: Word.allCases.count) }

    init(_ id: (Word) -> Int32) { ids = Word.allCases.map(id) }

    @inline(__always) subscript(word: Word) -> Int32 { ids[word.ordinal] }
}
