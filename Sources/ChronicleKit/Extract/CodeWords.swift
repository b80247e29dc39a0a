/// Ids of the words the extractor's code tests directly, looked up once per run so hot loops
/// compare integers instead of hashing strings. A word missing from the vocabulary is -99 and
/// matches nothing.
struct CodeWords: Sendable {
    var bang: Int32 = -99
    var lparen: Int32 = -99
    var comma: Int32 = -99
    var dash: Int32 = -99
    var dot: Int32 = -99
    var slash: Int32 = -99
    var colon: Int32 = -99
    var semicolon: Int32 = -99
    var question: Int32 = -99
    var bar: Int32 = -99
    var bo: Int32 = -99
    var cac: Int32 = -99
    var can: Int32 = -99
    var cua: Int32 = -99
    var du: Int32 = -99
    var khoa: Int32 = -99
    var ket: Int32 = -99
    var ngay: Int32 = -99
    var nhieu: Int32 = -99
    var nhat: Int32 = -99
    var nhung: Int32 = -99
    var nam: Int32 = -99
    var phai: Int32 = -99
    var quyet: Int32 = -99
    var se: Int32 = -99
    var so: Int32 = -99
    var thang: Int32 = -99
    var thu: Int32 = -99
    var tiep: Int32 = -99
    var trung: Int32 = -99
    var toi: Int32 = -99
    var tu: Int32 = -99
    var viec: Int32 = -99
    var va: Int32 = -99
    var den: Int32 = -99
    var de: Int32 = -99
    var uong: Int32 = -99

    var co: Int32 = -99
    var la: Int32 = -99
    var dang: Int32 = -99
    var dai: Int32 = -99
    var hoi: Int32 = -99
    var cap: Int32 = -99
    var da: Int32 = -99
    var duoc: Int32 = -99
    var cung: Int32 = -99
    var tai: Int32 = -99

    init() {}

    init(_ words: [String: Int32]) {
        var w = CodeWords()
        w.bang = words["!"] ?? -99
        w.lparen = words["("] ?? -99
        w.comma = words[","] ?? -99
        w.dash = words["-"] ?? -99
        w.dot = words["."] ?? -99
        w.slash = words["/"] ?? -99
        w.colon = words[":"] ?? -99
        w.semicolon = words[";"] ?? -99
        w.question = words["?"] ?? -99
        w.bar = words["|"] ?? -99
        w.bo = words["bộ"] ?? -99
        w.cac = words["các"] ?? -99
        w.can = words["cần"] ?? -99
        w.cua = words["của"] ?? -99
        w.du = words["dự"] ?? -99
        w.khoa = words["khóa"] ?? -99
        w.ket = words["kết"] ?? -99
        w.ngay = words["ngày"] ?? -99
        w.nhieu = words["nhiều"] ?? -99
        w.nhat = words["nhật"] ?? -99
        w.nhung = words["những"] ?? -99
        w.nam = words["năm"] ?? -99
        w.phai = words["phải"] ?? -99
        w.quyet = words["quyết"] ?? -99
        w.se = words["sẽ"] ?? -99
        w.so = words["số"] ?? -99
        w.thang = words["tháng"] ?? -99
        w.thu = words["thứ"] ?? -99
        w.tiep = words["tiếp"] ?? -99
        w.trung = words["trung"] ?? -99
        w.toi = words["tới"] ?? -99
        w.tu = words["từ"] ?? -99
        w.viec = words["việc"] ?? -99
        w.va = words["và"] ?? -99
        w.den = words["đến"] ?? -99
        w.de = words["để"] ?? -99
        w.uong = words["ương"] ?? -99
        w.co = words["có"] ?? -99
        w.la = words["là"] ?? -99
        w.dang = words["đăng"] ?? -99
        w.dai = words["đại"] ?? -99
        w.hoi = words["hội"] ?? -99
        w.cap = words["cập"] ?? -99
        w.da = words["đã"] ?? -99
        w.duoc = words["được"] ?? -99
        w.cung = words["cũng"] ?? -99
        w.tai = words["tại"] ?? -99
        self = w
    }
}
