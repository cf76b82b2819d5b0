import Foundation

/// docket's version: printed by `--version`, and part of every cached
/// output's fingerprint, so a new docket never reuses what an older one rendered.
public enum DocketVersion {
    public static let current = "0.2.0"

    /// This binary's file: its inode, size and modification time. The input
    /// cache is keyed by the binary, so a docket rebuilt from changed source
    /// (same version number, as during development) never trusts what the
    /// old binary decoded. The stamp is the cheap check; `executableHash`
    /// decides when it differs. (Pages and rows are keyed by `current`: they
    /// must survive a CI runner building docket afresh, and two clean builds
    /// of one commit differ.)
    public static let executableStamp: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "-" }
        let stamp = FileSystem.Stamp(info)
        return String(stamp.inode, radix: 16) + "." + String(stamp.size, radix: 16) + "." + String(stamp.modified, radix: 16)
    }()

    /// A hash of this binary's bytes, or nil when they cannot be read. A CI
    /// runner that restores docket from its cache gets the same bytes in a
    /// new file (new inode and times); this says it is the same docket.
    /// Made only when asked: reading and hashing the binary takes ~10 ms.
    public static let executableHash: UInt64? = {
        // /proc/self/exe is a link, and FileSystem never follows one: read the file it names.
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &target, target.count)
        guard length > 0, length < target.count else { return nil }
        let path = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let bytes = try? FileSystem.readBytes(path), !bytes.isEmpty else { return nil }
        return StableHash.words64(bytes[...])
    }()
}
