import Foundation

extension String {
    /// Code-point (UTF-8 byte) order: the one order docket sorts ids, paths
    /// and JSON keys by, on every platform. A memcmp over the UTF-8 bytes,
    /// many times faster than comparing `utf8` views element by element.
    @inline(__always)
    public func precedesInByteOrder(_ other: String) -> Bool {
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
