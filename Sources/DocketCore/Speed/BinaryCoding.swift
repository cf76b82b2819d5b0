/// The byte layout of docket's cache files under `.docket/cache/`: fixed
/// little-endian words, LEB128 varints and length-prefixed UTF-8. Only
/// docket reads these files, and a version in each file's header retires
/// them whenever docket changes.
extension [UInt8] {
    public func littleEndianUInt64(at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(self[offset + $1]) << (8 * UInt64($1)) }
    }

    public func littleEndianUInt32(at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(self[offset + $1]) << (8 * UInt32($1)) }
    }

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

/// Reads what the `[UInt8]` append helpers wrote. Every length is checked
/// against the end, so a torn or foreign file reads as `Truncated` (for a
/// cache: a miss), never as wrong values or a crash.
public struct BinaryReader {
    public struct Truncated: Error {}

    public let bytes: ArraySlice<UInt8>
    public private(set) var offset: Int

    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.offset = bytes.startIndex
    }

    public var isAtEnd: Bool { offset == bytes.endIndex }

    public mutating func byte() throws(Truncated) -> UInt8 {
        guard offset < bytes.endIndex else { throw Truncated() }
        defer { offset += 1 }
        return bytes[offset]
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
        guard value <= UInt64(bytes.endIndex - offset) else { throw Truncated() }
        return Int(value)
    }

    public mutating func slice(_ count: Int) throws(Truncated) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.endIndex - offset else { throw Truncated() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    public mutating func fixedUInt64() throws(Truncated) -> UInt64 {
        let word = try slice(8)
        return word.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    public mutating func string() throws(Truncated) -> String {
        let utf8 = try slice(try count())
        // Most text is ASCII, which needs no validating: `String(validating:)` takes a generic
        // path over a slice, several times slower than decoding (a tenth of a rebuild's decoding).
        if utf8.withUnsafeBufferPointer({ $0.allSatisfy { $0 < 0x80 } }) { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Truncated() }
        return text
    }
}
