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
