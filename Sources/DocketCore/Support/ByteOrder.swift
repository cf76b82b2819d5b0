import Foundation

extension String {
    /// Code-point (UTF-8 byte) order: the one order docket sorts ids, paths
    /// and JSON keys by, on every platform. A memcmp over the UTF-8 bytes,
    /// many times faster than comparing `utf8` views element by element.
    @inline(__always)
    public func precedesInByteOrder(_ other: String) -> Bool {
        // Most keys and ids differ in their first byte: decide on it alone.
        if let first = utf8.first, let otherFirst = other.utf8.first, first != otherFirst { return first < otherFirst }
        var a = self
        var b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0 {
                    let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }
}

extension Array where Element == String {
    /// Sorted in byte order (as `precedesInByteOrder`), for long lists such
    /// as 100,000 file names: each string's first 24 bytes are packed into
    /// three integers up front, so most comparisons touch no string (and
    /// retain nothing); only equal prefixes compare the whole strings.
    public func sortedByBytes() -> [String] {
        if count < 2 { return self }  // most comment folders hold one or two
        if count < 64 { return sorted { $0.precedesInByteOrder($1) } }
        var keys: [(UInt64, UInt64, UInt64, Int)] = []
        keys.reserveCapacity(count)
        for index in indices {
            var text = self[index]
            let words = text.withUTF8 { utf8 -> (UInt64, UInt64, UInt64) in
                func word(_ start: Int) -> UInt64 {
                    var value: UInt64 = 0
                    for offset in start..<start + 8 {
                        value = value << 8 | UInt64(offset < utf8.count ? utf8[offset] : 0)
                    }
                    return value
                }
                return (word(0), word(8), word(16))
            }
            keys.append((words.0, words.1, words.2, index))
        }
        keys.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            return self[a.3].precedesInByteOrder(self[b.3])
        }
        return keys.map { self[$0.3] }
    }
}

extension String {
    /// True when the text has nothing but spaces, tabs and line breaks.
    /// (Foundation's `trimmingCharacters` bridges to NSString: far too slow
    /// for a check that runs on every title and comment.)
    public var isBlank: Bool {
        !utf8.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// `hasSuffix` by UTF-8 bytes: file names are compared byte for byte.
    @inline(__always)
    public func hasByteSuffix(_ suffix: String) -> Bool {
        var a = self
        var b = suffix
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count >= y.count && (y.count == 0 || memcmp(x.baseAddress! + (x.count - y.count), y.baseAddress!, y.count) == 0)
            }
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced, by UTF-8 bytes. Foundation's
    /// `replacingOccurrences` bridges through NSString and UTF-16: this is
    /// the one the per-task hot paths use.
    public func replacingBytes(_ target: String, with replacement: String) -> String {
        let source = Array(utf8)
        let find = Array(target.utf8)
        guard !find.isEmpty, source.count >= find.count else { return self }
        let with = Array(replacement.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(source.count + 64)
        var index = 0
        var changed = false
        let first = find[0]
        while index < source.count {
            if source[index] == first, index + find.count <= source.count, source[index..<index + find.count].elementsEqual(find) {
                out.append(contentsOf: with)
                index += find.count
                changed = true
            } else {
                out.append(source[index])
                index += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }
}
