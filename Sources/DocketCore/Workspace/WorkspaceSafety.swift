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
        for path in paths {
            switch FileSystem.kind(root + "/" + path) {
            case nil, .file?:
                continue
            case .directory?:
                for special in FileSystem.walk(root + "/" + path, includingHidden: path == ".docket").specials {
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
