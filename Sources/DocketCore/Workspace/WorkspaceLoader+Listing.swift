/// The loader's listings of the workspace's folders: which files to read,
/// and what is wrong with their names.
extension WorkspaceLoader {
    struct RecordFile: Sendable { var type: String; var id: String; var path: String }
    struct TaskFile: Sendable { var id: String; var hasDetails: Bool }
    /// The task files, sorted by id, their ids, and what is wrong with the folder's names.
    struct TaskListing: Sendable { var files: [TaskFile]; var ids: TaskIDs; var diagnostics: [Diagnostic] }

    static func listRecordFiles(_ root: String, into diagnostics: inout [Diagnostic]) -> [RecordFile] {
        var files: [RecordFile] = []
        for type in FileSystem.list(root + "/records") {
            guard FileSystem.isDirectory(root + "/records/" + type) else {
                diagnostics.append(Diagnostic(.error, path: "records/\(type)", message: "expected a folder named after a record type, such as records/contact/"))
                continue
            }
            guard Identifier.isValidName(type) else {
                diagnostics.append(Diagnostic(.error, path: "records/\(type)", message: "record type folder name is not valid (\(Identifier.nameRule))"))
                continue
            }
            for name in FileSystem.list(root + "/records/" + type) {
                let path = "records/\(type)/\(name)"
                guard let id = stem(name, ".json") else {
                    diagnostics.append(Diagnostic(.warning, path: path, message: "not a .json file; ignored"))
                    continue
                }
                guard Identifier.isValidName(id) else {
                    diagnostics.append(Diagnostic(.error, path: path, message: "file name is not a valid record id (\(Identifier.nameRule))"))
                    continue
                }
                files.append(RecordFile(type: type, id: id, path: path))
            }
        }
        return files
    }

    static func listTaskFiles(_ root: String) -> TaskListing {
        var diagnostics: [Diagnostic] = []
        // Tasks and details files by their ids' numbers (`TaskIDs`), sorted below so the decoded
        // tasks arrive in order and one merge finds each task's details. A string is made only of
        // a task's id and of a name that is wrong.
        var tasks: [(key: TaskIDs.Key, id: String)] = []
        var details: [TaskIDs.Key] = []
        var badlyNamed: [String] = []
        var orphans: [String] = []
        var others: [String] = []
        let json = Array(".json".utf8), md = Array(".md".utf8)
        let unusual = FileSystem.forEachName(in: root + "/tasks") { name in
            if name.count > json.count && name.suffix(json.count).elementsEqual(json) {
                let stem = UnsafeBufferPointer(rebasing: name.dropLast(json.count))
                if let key = TaskIDs.key(stem) { tasks.append((key, String(decoding: stem, as: UTF8.self))) } else {
                    badlyNamed.append(String(decoding: stem, as: UTF8.self))
                }
            } else if name.count > md.count && name.suffix(md.count).elementsEqual(md) {
                let stem = UnsafeBufferPointer(rebasing: name.dropLast(md.count))
                if let key = TaskIDs.key(stem) { details.append(key) } else { orphans.append(String(decoding: stem, as: UTF8.self)) }
            } else {
                others.append(String(decoding: name, as: UTF8.self))
            }
        }
        // Links, pipes and devices in tasks/ (`WorkspaceSafety` leaves them to this listing).
        diagnostics += WorkspaceSafety.problems(root, in: "tasks", unusual)
        for id in badlyNamed {
            diagnostics.append(Diagnostic(.error, path: "tasks/\(id).json",
                message: "file name is not a valid task id: expected \(Identifier.expectedShape(.task)).json"))
        }
        for name in others {
            diagnostics.append(Diagnostic(.warning, path: "tasks/\(name)", message: "neither a task (.json) nor its details (.md); ignored"))
        }
        tasks.sort { $0.key < $1.key }
        details.sort()
        var files: [TaskFile] = []
        files.reserveCapacity(tasks.count)
        var next = 0
        for task in tasks {
            while next < details.count && details[next] < task.key {
                orphans.append(TaskIDs.id(details[next]))
                next += 1
            }
            let hasDetails = next < details.count && details[next] == task.key
            if hasDetails { next += 1 }
            files.append(TaskFile(id: task.id, hasDetails: hasDetails))
        }
        orphans += details[next...].map(TaskIDs.id)
        // A details file whose task file is missing (a task file with a bad name was reported above).
        let reported = Set(badlyNamed)
        for id in orphans where !reported.contains(id) {
            diagnostics.append(Diagnostic(.error, path: "tasks/\(id).md", message: "details file has no task: tasks/\(id).json is missing"))
        }
        return TaskListing(files: files, ids: TaskIDs(sorted: tasks.map(\.key)), diagnostics: diagnostics)
    }

    /// The task folders under `comments/`; a folder that is not named after a task id, or a file there, is reported.
    static func listCommentDirectories(_ root: String) -> (tasks: [String], problems: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (directories, others, specials) = FileSystem.listByKind(root + "/comments")
        let tasks = directories.filter { Identifier.isValid($0, kind: .task) }
        let misnamed = directories.filter { !Identifier.isValid($0, kind: .task) }
        for name in others + misnamed {
            diagnostics.append(Diagnostic(.error, path: "comments/\(name)",
                message: "expected a folder named after a task id (\(Identifier.expectedShape(.task)))"))
        }
        // Links, pipes and devices here and in the folders no task's comments are read from.
        diagnostics += WorkspaceSafety.problems(root, in: "comments", FileSystem.Unusual(specials: specials, folders: misnamed))
        return (tasks, diagnostics)
    }

    /// `name` without `suffix`, by UTF-8 bytes (Character-based String
    /// operations are far slower, and this runs for every file).
    static func stem(_ name: String, _ suffix: String) -> String? {
        let count = suffix.utf8.count
        guard name.utf8.count > count, name.hasByteSuffix(suffix) else { return nil }
        return String(name.utf8.dropLast(count))!
    }
}
