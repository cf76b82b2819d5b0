import Foundation

/// docket's version: printed by `--version`, and part of every cached
/// output's fingerprint, so a new docket never reuses what an older one rendered.
public enum DocketVersion {
    public static let current = "0.2.0"

    /// This binary: the version plus the executable's inode, size and
    /// modification time. The input cache is keyed by it, so a docket
    /// rebuilt from changed source (same version number, as during
    /// development) never trusts what the old binary decoded. (Pages and
    /// rows are keyed by `current`: they must survive a CI runner building
    /// docket afresh, and two clean builds of one commit differ.)
    public static let build: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return current }
        let stamp = FileSystem.Stamp(info)
        return current + "+" + String(stamp.inode, radix: 16) + "." + String(stamp.size, radix: 16) + "." + String(stamp.modified, radix: 16)
    }()
}
