/// Only regular files and folders: a symbolic link, FIFO, socket or device
/// anywhere docket reads or writes in a workspace is an error naming it, so
/// a pull request that adds a link cannot make docket publish a file from
/// outside the workspace, write through it, or hang on a pipe.
public enum WorkspaceSafety {
    /// The entries of a workspace that are docket's business.
    static let paths = ["workspace.json", "people.json", "records", "tasks", "comments", "queue", "journal", "rejected",
                        "notifications", ".docket"]

    /// The folders whose insides the loader's own listings check (`problems(_:in:_:)`), so
    /// that the walk need not list their 200,000 files and 33,000 comment folders a second time.
    static let listedByLoader: Set<String> = ["tasks", "comments"]

    /// `skippingInsideOf`: folders whose insides are checked by their listings; the
    /// folder itself is still checked (a link, or a file where the folder should be).
    public static func problems(_ root: String, skippingInsideOf skipped: Set<String> = []) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if WorkspaceTransaction.isPending(root) {
            problems.append(Diagnostic(.error, path: WorkspaceTransaction.transactionFile,
                                       message: "an apply was interrupted after it decided what to write; run 'docket apply' (or build) to finish it"))
        }
        for path in paths {
            let wantsFolder = !path.hasSuffix(".json")
            switch FileSystem.kind(root + "/" + path) {
            case nil:
                continue
            case .file?:
                if wantsFolder {
                    problems.append(Diagnostic(.error, path: path, message: "a file where docket expects the folder '\(path)/'; move it away"))
                }
            case .directory? where !wantsFolder:
                problems.append(Diagnostic(.error, path: path, message: "a folder where docket expects the file '\(path)'"))
            case .directory? where skipped.contains(path):
                continue
            case .directory?:
                for special in FileSystem.specials(under: root + "/" + path, includingHidden: path == ".docket") {
                    problems.append(problem(path + "/" + special.path, special.kind))
                }
            case let kind?:
                problems.append(problem(path, kind))
            }
        }
        return problems
    }

    /// The problems a listing of `folder` (relative to `root`) saw: each entry
    /// that is neither a file nor a folder, and whatever is such an entry
    /// anywhere inside the folders in it (walked here, as no listing of the
    /// loader goes into them).
    static func problems(_ root: String, in folder: String, _ seen: FileSystem.Unusual) -> [Diagnostic] {
        var problems = seen.specials.map { problem(folder + "/" + $0.path, $0.kind) }
        for inner in seen.folders {
            for special in FileSystem.specials(under: root + "/" + folder + "/" + inner) {
                problems.append(problem(folder + "/" + inner + "/" + special.path, special.kind))
            }
        }
        return problems
    }

    static func problem(_ path: String, _ kind: FileSystem.Kind) -> Diagnostic {
        Diagnostic(.error, path: path, message: "\(kind.description); " + (kind == .symbolicLink
            ? "docket never follows links: put the file itself here"
            : "docket reads only regular files and folders: remove it"))
    }
}
