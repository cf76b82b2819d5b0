import Foundation

/// Finds the workspace a command works on, as git finds `.git`: the folder
/// given with `--workspace`; else the nearest folder at or above the current
/// directory that holds `workspace.json`; else `data` (the sample workspace
/// of docket's own repository).
public enum WorkspaceLocator {
    public static let fallback = "data"

    public static func locate(explicit: String?, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        if let explicit { return explicit }
        return nearest(from: currentDirectory) ?? fallback
    }

    /// The nearest folder at or above `directory` holding a regular `workspace.json`.
    /// Returned relative to `directory` when it is `directory` itself or above it
    /// (`.`, `..`, `../..`), so messages show short paths.
    public static func nearest(from directory: String) -> String? {
        var current = directory
        var ups = 0
        while true {
            if FileSystem.isRegularFile(current + "/workspace.json") {
                return ups == 0 ? "." : Array(repeating: "..", count: ups).joined(separator: "/")
            }
            let parent = FileSystem.parent(of: current)
            if parent == current || parent.isEmpty { return nil }
            current = parent
            ups += 1
        }
    }
}
