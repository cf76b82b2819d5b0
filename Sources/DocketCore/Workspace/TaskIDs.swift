/// The ids of a workspace's tasks, held as the 128-bit numbers their ULIDs
/// spell. Every task id is `task_` and 26 digits of the same alphabet, whose
/// ASCII order is the digits' order, so two ids order as their numbers do:
/// sorting 100,000 ids and asking, for each of 33,000 comment folders,
/// whether its task exists compare two integers instead of two strings.
public struct TaskIDs: Sendable, ExpressibleByArrayLiteral {
    /// A task id's ULID as a number.
    struct Key: Hashable, Comparable, Sendable {
        var high: UInt64
        var low: UInt64
        static func < (a: Key, b: Key) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
    }

    /// Sorted, each once.
    private let keys: [Key]

    /// `keys` sorted, each once (the task listing's).
    init(sorted keys: [Key]) { self.keys = keys }

    /// Ids that are not valid task ids are left out: no task can have them.
    public init<S: Sequence<String>>(_ ids: S) {
        keys = Array(Set(ids.compactMap(Self.key))).sorted()
    }

    public init(arrayLiteral ids: String...) { self.init(ids) }

    public var count: Int { keys.count }

    public func contains(_ id: String) -> Bool {
        guard let key = Self.key(id) else { return false }
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }

    /// The number `id` spells, or nil when it is not a valid task id
    /// (`Identifier.isValid(id, kind: .task)`).
    static func key(_ id: String) -> Key? {
        var id = id
        return id.withUTF8 { key($0) }
    }

    /// The same of a name's bytes, as a folder listing gives them.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        // "task_" and 26 digits, the first at most 7: 3 + 25 × 5 = 128 bits.
        guard bytes.count == 31, bytes[0] == 0x74, bytes[1] == 0x61, bytes[2] == 0x73, bytes[3] == 0x6B, bytes[4] == 0x5F,
              bytes[5] <= UInt8(ascii: "7") else { return nil }
        return digitValues.withUnsafeBufferPointer { values -> Key? in
            var key = Key(high: 0, low: 0)
            var invalid: UInt8 = 0
            for index in 5..<31 {
                let digit = values[Int(bytes[index])]
                invalid |= digit
                key.high = key.high << 5 | key.low >> 59
                key.low = key.low << 5 | UInt64(digit & 0x1F)
            }
            return invalid & 0x80 == 0 ? key : nil
        }
    }

    /// The id whose number is `key` (the inverse of `key(_:)`).
    static func id(_ key: Key) -> String {
        var digits = [UInt8](repeating: 0, count: 26)
        var (high, low) = (key.high, key.low)
        for index in stride(from: 25, through: 0, by: -1) {
            digits[index] = ULID.alphabet[Int(low & 0x1F)]
            low = low >> 5 | high << 59
            high >>= 5
        }
        return "task_" + String(decoding: digits, as: UTF8.self)
    }

    /// Each byte's digit value (`ULID.digitValue`): a table, since every task file's name is read this way.
    private static let digitValues: [UInt8] = (0...255).map { ULID.digitValue(UInt8($0)) }
}
