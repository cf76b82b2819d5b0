/// The rules that make an id safe to use as a file name. Every id is checked
/// here before it becomes part of a path.
public enum Identifier {
    /// Prefixes of the ULID-based ids (task_, cmt_, edit_, ntf_).
    public enum Kind: String, Sendable, CaseIterable {
        case task, comment = "cmt", edit, notification = "ntf"
    }

    /// People and records: `^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$`.
    public static func isValidName(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= 128, let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x5F || $0 == 0x2E || $0 == 0x2D }
    }

    /// `<prefix>_<ULID>`, e.g. `task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N`.
    public static func isValid(_ id: String, kind: Kind) -> Bool {
        // On the contiguous bytes: every file name of a workspace is checked on every run.
        let prefix = kind.rawValue.utf8
        var id = id
        return id.withUTF8 { bytes in
            guard bytes.count == prefix.count + 27, bytes.starts(with: prefix),
                  bytes[prefix.count] == UInt8(ascii: "_") else { return false }
            return ULID.isValid(UnsafeBufferPointer(rebasing: bytes[(prefix.count + 1)...]))
        }
    }

    /// A human description of the expected shape, for error messages.
    public static func expectedShape(_ kind: Kind) -> String {
        "'\(kind.rawValue)_' followed by a 26-character ULID"
    }

    public static let nameRule = "letters, digits, '_', '.' or '-', starting with a letter or digit, at most 128 characters"

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

/// ULIDs in Crockford base 32: 48 bits of milliseconds, 80 bits of entropy.
/// docket derives them deterministically (from an edit's id or a file name),
/// so the same queue always produces the same ids.
public enum ULID {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A Crockford base-32 digit (upper case): `alphabet`, which leaves out I, L, O and U.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "H"), UInt8(ascii: "J"), UInt8(ascii: "K"),
             UInt8(ascii: "M"), UInt8(ascii: "N"), UInt8(ascii: "P")...UInt8(ascii: "T"), UInt8(ascii: "V")...UInt8(ascii: "Z"): true
        default: false
        }
    }

    /// A digit's value (its place in `alphabet`), or 0xFF for any other byte.
    @inline(__always) static func digitValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "H"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "J"), UInt8(ascii: "K"): byte - UInt8(ascii: "J") + 18
        case UInt8(ascii: "M"), UInt8(ascii: "N"): byte - UInt8(ascii: "M") + 20
        case UInt8(ascii: "P")...UInt8(ascii: "T"): byte - UInt8(ascii: "P") + 22
        case UInt8(ascii: "V")...UInt8(ascii: "Z"): byte - UInt8(ascii: "V") + 27
        default: 0xFF
        }
    }

    public static func isValid<S: StringProtocol>(_ text: S) -> Bool { isValid(text.utf8) }

    public static func isValid<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var count = 0
        for byte in bytes {
            if count == 0 && byte > UInt8(ascii: "7") { return false }
            if !isDigit(byte) { return false }
            count += 1
            if count > 26 { return false }
        }
        return count == 26
    }

    /// A ULID from a timestamp and 80 bits taken from `entropy`.
    public static func make(milliseconds: UInt64, entropy: (UInt64, UInt64)) -> String {
        var bits: [UInt8] = []  // 128 bits as 16 bytes, big-endian
        for shift in stride(from: 40, through: 0, by: -8) { bits.append(UInt8(truncatingIfNeeded: milliseconds >> UInt64(shift))) }
        for shift in stride(from: 8, through: 0, by: -8) { bits.append(UInt8(truncatingIfNeeded: entropy.0 >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bits.append(UInt8(truncatingIfNeeded: entropy.1 >> UInt64(shift))) }
        // 26 characters × 5 bits = 130 bits: two leading zero bits.
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var available = 2  // the two padding zero bits
        var byteIndex = 0
        for _ in 0..<26 {
            while available < 5 {
                accumulator = (accumulator << 8) | UInt32(bits[byteIndex])
                byteIndex += 1
                available += 8
            }
            let index = Int((accumulator >> UInt32(available - 5)) & 0x1F)
            out.append(alphabet[index])
            available -= 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A ULID whose every bit comes from hashing `seed`: stable across runs and machines.
    public static func derived(from seed: String) -> String {
        let a = StableHash.fnv1a64(seed, basis: 0xcbf2_9ce4_8422_2325)
        let b = StableHash.fnv1a64(seed, basis: 0x8422_2325_cbf2_9ce4)
        let c = StableHash.fnv1a64(seed, basis: 0x1234_5678_9abc_def1)
        return make(milliseconds: a & 0xFFFF_FFFF_FFFF, entropy: (b, c))
    }
}

/// FNV-1a: a tiny hash whose value never changes between runs (unlike `Hasher`).
public enum StableHash {
    /// Folds more input into a running hash.
    public static func combine(_ hash: UInt64, _ text: String) -> UInt64 {
        // Over the contiguous bytes: walking a String's UTF8View is several times slower.
        var text = text
        var value = text.withUTF8 { fnv1a64(bytes: $0, basis: hash) }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        value ^= 0xFF
        return value &* 0x0000_0100_0000_01B3
    }

    /// Folds a number into a running hash.
    public static func combine(_ hash: UInt64, _ number: Int64) -> UInt64 {
        var value = hash
        var bits = UInt64(bitPattern: number)
        for _ in 0..<8 {
            value ^= bits & 0xFF
            value = value &* 0x0000_0100_0000_01B3
            bits >>= 8
        }
        return value
    }

    /// Folds flags into a running hash.
    public static func combine(_ hash: UInt64, _ flags: Bool...) -> UInt64 {
        combine(hash, flags.reduce(Int64(0)) { $0 << 1 | ($1 ? 1 : 0) } | Int64(1) << 62)
    }

    public static func fnv1a64(_ text: String, basis: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var text = text
        return text.withUTF8 { fnv1a64(bytes: $0, basis: basis) }
    }

    /// The same over bytes (the input cache hashes keys without making strings).
    public static func fnv1a64<Bytes: Sequence<UInt8>>(bytes: Bytes, basis: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A checksum of a long run of bytes, eight at a step: the input cache
    /// checks ~100 MB of entries in a 100,000-task validate, where FNV's one
    /// byte a step cost more than the rest of a lookup. Words are read
    /// little-endian, so the value is the same on every machine (a site
    /// folder's fingerprints may be checked by another machine's build).
    public static func words64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes(words64)
    }

    /// The same over bytes in memory (the site manifest hashes paths it keeps as bytes).
    public static func words64(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < raw.count {
            tail = tail << 8 | UInt64(raw[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 32)
    }
}
