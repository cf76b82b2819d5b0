/// How decoded input files are stored in the input cache (`InputCache`):
/// each type writes its fields in order and reads them back the same way.
/// A value that does not read back whole throws, and the file is read again.
protocol CacheCodable {
    func encode(into bytes: inout [UInt8])
    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated)
}

extension String: CacheCodable {
    func encode(into bytes: inout [UInt8]) { bytes.appendString(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) { self = try reader.string() }
}

extension Instant: CacheCodable {
    func encode(into bytes: inout [UInt8]) { bytes.appendVarint(milliseconds) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) { self.init(milliseconds: try reader.signed()) }
}

extension Optional where Wrapped: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        if let self {
            bytes.append(1)
            self.encode(into: &bytes)
        } else {
            bytes.append(0)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        self = try reader.bool() ? try Wrapped(from: &reader) : nil
    }
}

extension Array where Element: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        bytes.appendVarint(UInt64(count))
        for element in self { element.encode(into: &bytes) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

/// A raw-value enum stored as its text, so reordering cases never misreads a file.
extension RawRepresentable where RawValue == String {
    func encodeRaw(into bytes: inout [UInt8]) { bytes.appendString(rawValue) }
    init(rawFrom reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        guard let value = Self(rawValue: try reader.string()) else { throw BinaryReader.Truncated() }
        self = value
    }
}

extension JSONNode: CacheCodable {
    // Positions are not kept: they only serve diagnostics, which are cached
    // already made. Tags: 0 object, 1 array, 2 string, 3 number, 4 true, 5 false, 6 null.
    func encode(into bytes: inout [UInt8]) {
        switch value {
        case .object(let members):
            bytes.append(0)
            members.encode(into: &bytes)
        case .array(let elements):
            bytes.append(1)
            elements.encode(into: &bytes)
        case .string(let text):
            bytes.append(2)
            bytes.appendString(text)
        case .number(let literal):
            bytes.append(3)
            bytes.appendString(literal)
        case .bool(let flag):
            bytes.append(flag ? 4 : 5)
        case .null:
            bytes.append(6)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        switch try reader.byte() {
        case 0: self.init(.object(try [JSONMember](from: &reader)))
        case 1: self.init(.array(try [JSONNode](from: &reader)))
        case 2: self.init(.string(try reader.string()))
        case 3: self.init(.number(try reader.string()))
        case 4: self.init(.bool(true))
        case 5: self.init(.bool(false))
        case 6: self.init(.null)
        default: throw BinaryReader.Truncated()
        }
    }
}

extension JSONMember: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        bytes.appendString(key)
        value.encode(into: &bytes)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        self.init(key: try reader.string(), value: try JSONNode(from: &reader))
    }
}

extension Diagnostic: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        severity.encodeRaw(into: &bytes)
        bytes.appendString(path)
        bytes.appendVarint(line ?? -1)
        bytes.appendVarint(column ?? -1)
        bytes.appendString(message)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        let severity = try Severity(rawFrom: &reader)
        let path = try reader.string()
        let line = try reader.int()
        let column = try reader.int()
        self.init(severity, path: path, line: line < 0 ? nil : line, column: column < 0 ? nil : column,
                  message: try reader.string())
    }
}

extension Link: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        bytes.appendString(type)
        bytes.appendString(id)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        self.init(type: try reader.string(), id: try reader.string())
    }
}

extension Record: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        bytes.appendString(id)
        bytes.appendString(type)
        bytes.appendString(name)
        fields.encode(into: &bytes)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        self.init(id: try reader.string(), type: try reader.string(), name: try reader.string(),
                  fields: try [JSONMember](from: &reader))
    }
}

extension Comment: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        for text in [id, task, author, content] { bytes.appendString(text) }
        createdAt.encode(into: &bytes)
        updatedAt.encode(into: &bytes)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        self.init(id: try reader.string(), task: try reader.string(), author: try reader.string(),
                  content: try reader.string(), createdAt: try Instant(from: &reader), updatedAt: try Instant(from: &reader))
    }
}

extension Due: CacheCodable {
    // Tag 0: an instant; tag 1: an all-day date (year, month, day).
    func encode(into bytes: inout [UInt8]) {
        switch self {
        case .at(let instant):
            bytes.append(0)
            instant.encode(into: &bytes)
        case .allDay(let date):
            bytes.append(1)
            for field in [date.year, date.month, date.day] { bytes.appendVarint(field) }
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        switch try reader.byte() {
        case 0: self = .at(try Instant(from: &reader))
        case 1:
            guard let date = LocalDate(year: try reader.int(), month: try reader.int(), day: try reader.int()) else {
                throw BinaryReader.Truncated()
            }
            self = .allDay(date)
        default: throw BinaryReader.Truncated()
        }
    }
}

extension Reminder: CacheCodable {
    // Tag 0: minutes before a timed due; tag 1: a time of day (hour, minute).
    func encode(into bytes: inout [UInt8]) {
        switch self {
        case .offsetMinutes(let minutes):
            bytes.append(0)
            bytes.appendVarint(minutes)
        case .time(let time):
            bytes.append(1)
            bytes.appendVarint(time.hour)
            bytes.appendVarint(time.minute)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        switch try reader.byte() {
        case 0: self = .offsetMinutes(try reader.int())
        case 1:
            guard let time = LocalTime(hour: try reader.int(), minute: try reader.int()) else { throw BinaryReader.Truncated() }
            self = .time(time)
        default: throw BinaryReader.Truncated()
        }
    }
}

extension Task: CacheCodable {
    /// A hash of every field but the details, from the task's cache
    /// encoding: equal hashes mean the task's JSON and its rows are unchanged.
    /// Site fingerprints use it; making each task's JSON to hash it cost more.
    /// The details are left to the page's fingerprint: a task's Markdown file
    /// ends in a newline that an edit's text may lack, so a task just edited
    /// would otherwise differ from itself read back.
    public var contentHash: UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        encode(into: &bytes, withDetails: false)
        return StableHash.words64(bytes[...])
    }

    func encode(into bytes: inout [UInt8]) { encode(into: &bytes, withDetails: true) }

    private func encode(into bytes: inout [UInt8], withDetails: Bool) {
        bytes.appendString(id)
        bytes.appendString(title)
        status.encodeRaw(into: &bytes)
        priority.encodeRaw(into: &bytes)
        bytes.appendString(type)
        due.encode(into: &bytes)
        reminder.encode(into: &bytes)
        assignees.encode(into: &bytes)
        subscribers.encode(into: &bytes)
        links.encode(into: &bytes)
        metadata.encode(into: &bytes)
        createdAt.encode(into: &bytes)
        bytes.appendString(createdBy)
        updatedAt.encode(into: &bytes)
        bytes.appendVarint(version)
        if withDetails { details.encode(into: &bytes) }
        for field in Task.plainFields { field.get(self).encode(into: &bytes) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        let id = try reader.string()
        let title = try reader.string()
        let status = try TaskStatus(rawFrom: &reader)
        let priority = try Priority(rawFrom: &reader)
        let type = try reader.string()
        let due = try Due?(from: &reader)
        let reminder = try Reminder?(from: &reader)
        let assignees = try [String](from: &reader)
        let subscribers = try [String](from: &reader)
        let links = try [Link](from: &reader)
        let metadata = try [JSONMember](from: &reader)
        let createdAt = try Instant(from: &reader)
        let createdBy = try reader.string()
        self.init(id: id, title: title, createdAt: createdAt, createdBy: createdBy)
        self.status = status
        self.priority = priority
        self.type = type
        self.due = due
        self.reminder = reminder
        self.assignees = assignees
        self.subscribers = subscribers
        self.links = links
        self.metadata = metadata
        self.updatedAt = try Instant(from: &reader)
        self.version = try reader.int()
        self.details = try String?(from: &reader)
        for field in Task.plainFields { field.set(&self, try TaskFieldValue?(from: &reader)) }
    }
}

extension TaskFieldValue: CacheCodable {
    func encode(into bytes: inout [UInt8]) {
        switch self {
        case .text(let text): bytes.append(0); text.encode(into: &bytes)
        case .texts(let list): bytes.append(1); list.encode(into: &bytes)
        case .instant(let instant): bytes.append(2); instant.encode(into: &bytes)
        case .number(let number): bytes.append(3); bytes.appendVarint(Int64(number))
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        switch try reader.byte() {
        case 0: self = .text(try reader.string())
        case 1: self = .texts(try [String](from: &reader))
        case 2: self = .instant(try Instant(from: &reader))
        case 3: self = .number(try reader.int())
        default: throw BinaryReader.Truncated()
        }
    }
}
