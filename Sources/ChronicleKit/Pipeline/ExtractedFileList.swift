/// The files extracted in a run by position in the survey, kept as the extraction made them: its
/// array in survey order, and a place in it per surveyed file.
///
/// A dictionary from position to file was grown entry by entry beside the extraction's own
/// array: on a first run over a large archive both were held at once (some 60 MB at 200,000
/// files), and the dictionary's growth copied it again.
struct ExtractedFileList: Sendable, Sequence {
    private var items: [ExtractedFile] = []
    /// Per surveyed file, its place in `items` (-1 for none); empty while nothing is held.
    private var places: [Int32] = []
    /// Files held (not removed).
    private(set) var count = 0

    init() {}

    /// The files `files` at the survey positions `positions` (ascending), of a survey of `size` files.
    init(_ files: [ExtractedFile], at positions: [Int], surveySize size: Int) {
        places = [Int32](repeating: -1, count: size)
        for (place, position) in positions.enumerated() { places[position] = Int32(place) }
        items = files
        count = items.count
    }

    var isEmpty: Bool { count == 0 }

    /// The file extracted at survey position `position`; setting nil lets go of it.
    subscript(position: Int) -> ExtractedFile? {
        get {
            guard position < places.count, places[position] >= 0 else { return nil }
            return items[Int(places[position])]
        }
        set {
            guard position < places.count, places[position] >= 0 else {
                precondition(newValue == nil, "a file can be added only with the extraction's list (init)")
                return
            }
            if let newValue {
                items[Int(places[position])] = newValue
            } else {
                // Rare (a known file that could not be read this time): its place is dropped and
                // the file's few bytes stay in the array.
                places[position] = -1
                count -= 1
            }
        }
    }

    /// Adds the files of `other` at positions where this list has none.
    mutating func merge(_ other: ExtractedFileList) {
        guard !other.isEmpty else { return }
        guard !isEmpty else {
            self = other
            return
        }
        var positions: [Int] = [], files: [ExtractedFile] = []
        let size = Swift.max(places.count, other.places.count)
        for position in 0..<size {
            if let file = self[position] ?? other[position] {
                positions.append(position)
                files.append(file)
            }
        }
        self = ExtractedFileList(files, at: positions, surveySize: size)
    }

    /// The files held with their survey positions, in survey order.
    func makeIterator() -> AnyIterator<(Int, ExtractedFile)> {
        var position = 0
        return AnyIterator {
            while position < places.count {
                defer { position += 1 }
                if let file = self[position] { return (position, file) }
            }
            return nil
        }
    }
}
