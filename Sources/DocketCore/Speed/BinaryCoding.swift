/// The byte layout of docket's cache files under `.docket/cache/`: fixed
/// little-endian words, LEB128 varints and length-prefixed UTF-8. Only
/// docket reads these files, and a version in each file's header retires
/// them whenever docket changes.
extension [UInt8] {
    public mutating func appendLittleEndian(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    public mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    /// Seven bits per byte, low bits first; small numbers take one byte.
    public mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    /// A signed number, zigzag-coded so small negative numbers stay short.
    public mutating func appendVarint(_ value: Int64) {
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func appendVarint(_ value: Int) { appendVarint(Int64(value)) }

    /// The UTF-8 byte count, then the bytes.
    public mutating func appendString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count))
            append(contentsOf: utf8)
        }
    }
}

/// Reads what the `[UInt8]` append helpers wrote, from a cache file mapped
/// into memory (`MappedFile`), which the reader keeps alive. Every length is
/// checked against the end, so a torn or foreign file reads as `Truncated`
/// (for a cache: a miss), never as wrong values or a crash. Offsets are the
/// file's own.
public struct BinaryReader {
    public struct Truncated: Error {}

    public let file: MappedFile
    /// `file.bytes`, kept here: each byte read is then one load, not two.
    private let raw: UnsafeRawBufferPointer
    public private(set) var offset: Int
    /// Where reading stops.
    public let end: Int

    /// Reads `file` from `range`'s start to its end (nil: the whole file).
    public init(_ file: MappedFile, _ range: Range<Int>? = nil) {
        let range = range ?? 0..<file.bytes.count
        precondition(range.lowerBound >= 0 && range.upperBound <= file.bytes.count, "a range outside the file")
        self.file = file
        raw = file.bytes
        self.offset = range.lowerBound
        self.end = range.upperBound
    }

    /// Reads a copy of `bytes` (tests, and bytes made in memory).
    public init(_ bytes: some Collection<UInt8>) {
        self.init(MappedFile(copying: bytes))
    }

    public var isAtEnd: Bool { offset == end }

    public mutating func byte() throws(Truncated) -> UInt8 {
        guard offset < end else { throw Truncated() }
        defer { offset += 1 }
        return raw[offset]
    }

    public mutating func bool() throws(Truncated) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Truncated()
        }
    }

    public mutating func varint() throws(Truncated) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Truncated() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func signed() throws(Truncated) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    public mutating func int() throws(Truncated) -> Int { Int(try signed()) }

    /// A count of things that follow, each at least one byte long: larger
    /// than what is left means a damaged file.
    public mutating func count() throws(Truncated) -> Int {
        let value = try varint()
        guard value <= UInt64(end - offset) else { throw Truncated() }
        return Int(value)
    }

    /// Skips the next `count` bytes; where they are in the file.
    public mutating func span(_ count: Int) throws(Truncated) -> Range<Int> {
        guard count >= 0, count <= end - offset else { throw Truncated() }
        defer { offset += count }
        return offset..<offset + count
    }

    /// The bytes at `range` (from `span`), valid while the reader's file lives.
    public func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: raw[range])
    }

    public mutating func fixedUInt64() throws(Truncated) -> UInt64 {
        let word = try span(8)
        return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: word.lowerBound, as: UInt64.self))
    }

    public mutating func string() throws(Truncated) -> String {
        let utf8 = bytes(try span(try count())).assumingMemoryBound(to: UInt8.self)
        // Most text is ASCII, which needs no validating (`String(validating:)` is several times slower than decoding).
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Truncated() }
        return text
    }
}
