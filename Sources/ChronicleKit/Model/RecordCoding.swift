import Foundation

// Codable forms of the record contract (`spec/records.md`). Optional fields are written as
// `null`, never left out, so consumers see every field of the contract on every line.

extension PartialDate: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PartialDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension EventDate: Codable {
    enum CodingKeys: String, CodingKey {
        case value, precision, partOfDay = "part_of_day", basis, evidence
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            value: try c.decodeIfPresent(PartialDate.self, forKey: .value),
            partOfDay: try c.decodeIfPresent(PartOfDay.self, forKey: .partOfDay),
            basis: try c.decode(DateBasis.self, forKey: .basis),
            evidence: try c.decodeIfPresent(String.self, forKey: .evidence))
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(precision, forKey: .precision)
        try c.encode(partOfDay, forKey: .partOfDay)
        try c.encode(basis, forKey: .basis)
        try c.encode(evidence, forKey: .evidence)
    }
}

extension Person: Codable {
    enum CodingKeys: String, CodingKey { case rank, name, positions, role }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rank: try c.decodeIfPresent(String.self, forKey: .rank),
            name: try c.decode(String.self, forKey: .name),
            positions: try c.decodeIfPresent([String].self, forKey: .positions) ?? [],
            role: try c.decodeIfPresent(PersonRole.self, forKey: .role) ?? .other)
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(name, forKey: .name)
        try c.encode(positions, forKey: .positions)
        try c.encode(role, forKey: .role)
    }
}

extension DocumentReference: Codable {
    enum CodingKeys: String, CodingKey { case code, type, number, issuer, date }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try c.decode(String.self, forKey: .code),
            type: try c.decode(String.self, forKey: .type),
            number: try c.decodeIfPresent(String.self, forKey: .number),
            issuer: try c.decodeIfPresent(String.self, forKey: .issuer),
            date: try c.decodeIfPresent(PartialDate.self, forKey: .date))
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(type, forKey: .type)
        try c.encode(number, forKey: .number)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(date, forKey: .date)
    }
}

extension Event: Codable {
    enum CodingKeys: String, CodingKey {
        case unit, organizer, kind, title, date, period, chair, people, documents, credits
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            unit: try c.decode(UnitReference.self, forKey: .unit),
            organizer: try c.decodeIfPresent(String.self, forKey: .organizer),
            kind: try c.decode(EventKind.self, forKey: .kind),
            title: try c.decode(String.self, forKey: .title),
            date: try c.decode(EventDate.self, forKey: .date),
            period: try c.decodeIfPresent(String.self, forKey: .period),
            chair: try c.decodeIfPresent(Person.self, forKey: .chair),
            people: try c.decodeIfPresent([Person].self, forKey: .people) ?? [],
            documents: try c.decodeIfPresent([DocumentReference].self, forKey: .documents) ?? [],
            credits: try c.decodeIfPresent([String].self, forKey: .credits) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unit, forKey: .unit)
        try c.encode(organizer, forKey: .organizer)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(period, forKey: .period)
        try c.encode(chair, forKey: .chair)
        try c.encode(people, forKey: .people)
        try c.encode(documents, forKey: .documents)
        try c.encode(credits, forKey: .credits)
    }
}

extension ReferenceDate: Codable {
    enum CodingKeys: String, CodingKey { case value, basis, evidence }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            value: try c.decode(PartialDate.self, forKey: .value),
            basis: try c.decode(String.self, forKey: .basis),
            evidence: try c.decodeIfPresent(String.self, forKey: .evidence))
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(basis, forKey: .basis)
        try c.encode(evidence, forKey: .evidence)
    }
}

extension ArticleRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case source, url, title, status, error, referenceDate = "reference_date", events, warnings
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try c.decode(String.self, forKey: .source),
            url: try c.decodeIfPresent(String.self, forKey: .url),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            status: try c.decode(ArticleStatus.self, forKey: .status),
            error: try c.decodeIfPresent(String.self, forKey: .error),
            referenceDate: try c.decodeIfPresent(ReferenceDate.self, forKey: .referenceDate),
            events: try c.decodeIfPresent([Event].self, forKey: .events) ?? [],
            warnings: try c.decodeIfPresent([String].self, forKey: .warnings) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(error, forKey: .error)
        try c.encode(referenceDate, forKey: .referenceDate)
        try c.encode(events, forKey: .events)
        try c.encode(warnings, forKey: .warnings)
    }

    /// One JSON line, keys sorted so the same record always gives the same bytes.
    public func jsonLine() throws -> String {
        String(decoding: try RecordJSON.encoder.encode(self), as: UTF8.self)
    }
}

/// The shared JSON settings for records: sorted keys (Foundation's encoder does not keep key
/// order from run to run) and unescaped slashes in URLs.
enum RecordJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
