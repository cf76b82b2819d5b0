/// Only regular files and folders: a symbolic link, FIFO, socket or device
/// anywhere docket reads or writes in a workspace is an error naming it, so
/// a pull request that adds a link cannot make docket publish a file from
/// outside the workspace, write through it, or hang on a pipe.
public enum WorkspaceSafety {
    /// The entries of a workspace that are docket's business.
    static let paths = ["workspace.json", "people.json", "records", "tasks", "comments", "queue", "journal", "rejected",
                        "notifications", ".docket"]

    public static func problems(_ root: String) -> [Diagnostic] {
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

    static func problem(_ path: String, _ kind: FileSystem.Kind) -> Diagnostic {
        Diagnostic(.error, path: path, message: "\(kind.description); " + (kind == .symbolicLink
            ? "docket never follows links: put the file itself here"
            : "docket reads only regular files and folders: remove it"))
    }
}
