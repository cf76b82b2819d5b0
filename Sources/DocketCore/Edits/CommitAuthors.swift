/// Who added each queue file, as git says: the author email of the latest
/// commit that added it, from one `git log` over the whole queue folder
/// (not a process per file). Used when `verify_actors` is on.
public struct CommitAuthors: Sendable {
    public enum Problem: Error, CustomStringConvertible {
        case notARepository(String)
        case shallow(String, [String])

        public var description: String {
            switch self {
            case .notARepository(let root):
                "verify_actors is on, but \(root) is not in a git repository, so git cannot say who queued each edit; nothing was applied"
            case .shallow(let root, let files):
                "\(root) is a shallow clone, so git cannot say who added \(files.prefix(3).joined(separator: ", "))"
                    + (files.count > 3 ? " and \(files.count - 3) more" : "")
                    + "; verify_actors needs the whole history: run 'git fetch --unshallow' (in CI: fetch-depth: 0). Nothing was applied"
            }
        }
    }

    /// `queue/<name>.json` → the author email of the commit that added it.
    public var byFile: [String: String]

    public init(byFile: [String: String]) { self.byFile = byFile }

    /// Reads the authors of the files now in `queue/`; a shallow clone missing any of them is an error.
    public static func read(root: String, queued files: [String]) throws(Problem) -> CommitAuthors {
        guard Git.output(["rev-parse", "--show-prefix"], in: root) != nil else { throw .notARepository(root) }
        // In a shallow clone the oldest commit it has seems to add every file: its author would vouch for all of them.
        if Git.output(["rev-parse", "--is-shallow-repository"], in: root) == "true" { throw .shallow(root, files) }
        let log = Git.output(["log", "--format=%x00%ae", "--name-only", "--diff-filter=A", "--no-renames", "--relative", "--", "queue"], in: root) ?? ""
        var byFile: [String: String] = [:]
        for record in log.split(separator: "\0") {
            let lines = record.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let email = lines.first else { continue }
            for file in lines.dropFirst() where byFile[file] == nil { byFile[file] = email }  // newest first: the latest add wins
        }
        return CommitAuthors(byFile: byFile)
    }
}
