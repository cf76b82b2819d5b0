/// docket's version: printed by `--version`, and part of every cached
/// output's fingerprint, so a new docket never reuses what an older one rendered.
public enum DocketVersion {
    public static let current = "0.1.0"
}
