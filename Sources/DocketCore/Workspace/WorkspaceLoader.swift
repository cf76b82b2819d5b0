/// Reads a workspace directory (SPEC §1) in one pass: every file is read
/// once, parsed once and decoded once, on every core. Problems become
/// diagnostics; a broken file never stops the others from being checked.
public enum WorkspaceLoader {
    public struct Result: Sendable {
        public var workspace: Workspace
        public var diagnostics: [Diagnostic]
        /// Seconds per stage (records, tasks, comments, index), for `--verbose`.
        public var stageTimes: [(String, Double)] = []
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// `progress`, when given, counts tasks as they are read (a bar on a terminal).
    public static func load(_ root: String, progress: Progress? = nil) -> Result {
        var diagnostics: [Diagnostic] = []
        guard FileSystem.isDirectory(root) else {
            let result = Workspace(settings: Settings(name: "docket"), people: [], records: [], tasks: [], comments: [])
            return Result(workspace: result, diagnostics: [
                Diagnostic(.error, path: root, message: "workspace directory does not exist"),
            ])
        }

        // workspace.json and people.json: small, read first, needed by every other decoder.
        var settings = Settings(name: "docket")
        if let (node, sink) = parse(root, "workspace.json", required: true, into: &diagnostics) {
            var sink = sink
            settings = SettingsDecoder.decode(node, sink: &sink)
            diagnostics += sink.diagnostics
        }
        var people: [Person] = []
        var peopleKnown = false
        if let (node, sink) = parse(root, "people.json", required: true, into: &diagnostics) {
            var sink = sink
            people = PeopleDecoder.decode(node, sink: &sink)
            diagnostics += sink.diagnostics
            peopleKnown = node.arrayValue != nil
        }

        var times: [(String, Double)] = []
        var last = Progress.seconds()
        func lap(_ stage: String) {
            let now = Progress.seconds()
            times.append((stage, now - last))
            last = now
        }

        // Records, then tasks, then comments: each stage only needs the ids of the one before.
        let recordFiles = listRecordFiles(root, into: &diagnostics)
        var typeDirectories: [String: FileSystem.Directory] = [:]
        for type in Set(recordFiles.map(\.type)) { typeDirectories[type] = FileSystem.Directory(root + "/records/" + type) }
        let recordDirectories = typeDirectories
        let recordResults = parallelMap(recordFiles) { file -> (Record?, [Diagnostic]) in
            decodeFile(root, file.path, in: recordDirectories[file.type], name: file.id + ".json") { node, sink in
                RecordDecoder.decode(node, expectedType: file.type, expectedID: file.id, sink: &sink)
            }
        }
        let records = recordResults.compactMap(\.0)
        diagnostics += recordResults.flatMap(\.1)

        lap("records")
        let taskFiles = listTaskFiles(root, into: &diagnostics)
        lap("list tasks")
        var references = References(settings: settings, people: Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                    recordKeys: Set(records.map(\.link.key)),
                                    taskIDs: Set(taskFiles.map(\.id)))
        references.peopleKnown = peopleKnown
        let frozen = references
        let tasksDirectory = FileSystem.Directory(root + "/tasks")
        progress?.start("reading", total: taskFiles.count)
        defer { progress?.finish() }
        let taskResults = parallelMap(taskFiles) { file -> (Task?, [Diagnostic]) in
            defer { progress?.advance() }
            var (task, problems) = decodeFile(root, "tasks/\(file.id).json", in: tasksDirectory, name: file.id + ".json") { node, sink in
                TaskDecoder.decode(node, expectedID: file.id, references: frozen, sink: &sink)
            }
            if file.hasDetails, let tasksDirectory {
                do throws(FileError) {
                    let bytes = try tasksDirectory.readBytes(file.id + ".md")
                    if let text = String(validating: bytes, as: UTF8.self) {
                        task?.details = text
                    } else {
                        problems.append(Diagnostic(.error, path: "tasks/\(file.id).md", message: "is not valid UTF-8 text"))
                    }
                } catch {
                    problems.append(Diagnostic(.error, path: "tasks/\(file.id).md", message: error.reason))
                }
            }
            return (task, problems)
        }
        let tasks = taskResults.compactMap(\.0)
        diagnostics += taskResults.flatMap(\.1)

        lap("tasks")
        let commentReferences = references
        let commentDirectories = listCommentDirectories(root, into: &diagnostics)
        let commentResults = parallelMap(commentDirectories) { task -> ([Comment], [Diagnostic]) in
            decodeComments(root, task: task, references: commentReferences)
        }
        diagnostics += commentResults.flatMap(\.1)
        lap("comments")
        let workspace = Workspace(settings: settings, people: people, records: records, tasks: tasks,
                                  comments: commentResults.flatMap(\.0))
        diagnostics.sort()
        lap("index")
        return Result(workspace: workspace, diagnostics: diagnostics, stageTimes: times)
    }

    // MARK: - Reading one file

    /// Reads and parses one file; reports a missing file or a syntax error.
    static func parse(_ root: String, _ path: String, required: Bool,
                      into diagnostics: inout [Diagnostic]) -> (JSONNode, DiagnosticSink)? {
        let full = root + "/" + path
        guard FileSystem.exists(full) else {
            if required { diagnostics.append(Diagnostic(.error, path: path, message: "file is missing")) }
            return nil
        }
        return parse(path, into: &diagnostics) { () throws(FileError) in try FileSystem.readBytes(full) }
    }

    static func decodeFile<T>(_ root: String, _ path: String, in directory: FileSystem.Directory? = nil, name: String = "",
                              _ decode: (JSONNode, inout DiagnosticSink) -> T?) -> (T?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let parsed: (JSONNode, DiagnosticSink)?
        if let directory {
            parsed = parse(path, into: &diagnostics) { () throws(FileError) in try directory.readBytes(name) }
        } else {
            parsed = parse(root, path, required: true, into: &diagnostics)
        }
        guard let (node, sink) = parsed else { return (nil, diagnostics) }
        var mutableSink = sink
        let value = decode(node, &mutableSink)
        return (value, mutableSink.diagnostics)
    }

    /// Parses bytes from `read`, reporting a read failure or a syntax error against `path`.
    static func parse(_ path: String, into diagnostics: inout [Diagnostic],
                      read: () throws(FileError) -> [UInt8]) -> (JSONNode, DiagnosticSink)? {
        let bytes: [UInt8]
        do throws(FileError) { bytes = try read() } catch {
            diagnostics.append(Diagnostic(.error, path: path, message: error.reason))
            return nil
        }
        var sink = DiagnosticSink(path: path, source: SourceText(bytes: bytes))
        do throws(JSONSyntaxError) {
            return (try JSONParser.parse(bytes), sink)
        } catch {
            sink.error("invalid JSON: \(error.message)", at: error.offset)
            diagnostics += sink.diagnostics
            return nil
        }
    }

    // MARK: - Listing

    struct RecordFile: Sendable { var type: String; var id: String; var path: String }
    struct TaskFile: Sendable { var id: String; var hasDetails: Bool }

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

    static func listTaskFiles(_ root: String, into diagnostics: inout [Diagnostic]) -> [TaskFile] {
        var ids: [String] = []
        var details: Set<String> = []
        var stems: Set<String> = []
        // One pass over the names, each name's suffix checked once.
        for name in FileSystem.list(root + "/tasks", sorted: false) {
            if let id = stem(name, ".json") {
                stems.insert(id)
                guard Identifier.isValid(id, kind: .task) else {
                    diagnostics.append(Diagnostic(.error, path: "tasks/\(name)",
                        message: "file name is not a valid task id: expected \(Identifier.expectedShape(.task)).json"))
                    continue
                }
                ids.append(id)
            } else if let id = stem(name, ".md") {
                details.insert(id)
            } else {
                diagnostics.append(Diagnostic(.warning, path: "tasks/\(name)", message: "neither a task (.json) nor its details (.md); ignored"))
            }
        }
        // Sorted by id (bytes) here, so the decoded tasks arrive in order.
        ids.sort { $0.precedesInByteOrder($1) }
        let files = ids.map { TaskFile(id: $0, hasDetails: details.contains($0)) }
        // A details file whose task file is missing (a task file with a bad name was reported above).
        let orphans = details.subtracting(stems)
        for id in orphans.sorted(by: { $0.precedesInByteOrder($1) }) {
            diagnostics.append(Diagnostic(.error, path: "tasks/\(id).md", message: "details file has no task: tasks/\(id).json is missing"))
        }
        return files
    }

    /// The task folders under `comments/`; a folder that is not named after a task id is reported.
    static func listCommentDirectories(_ root: String, into diagnostics: inout [Diagnostic]) -> [String] {
        FileSystem.list(root + "/comments").filter { task in
            guard Identifier.isValid(task, kind: .task), FileSystem.isDirectory(root + "/comments/" + task) else {
                diagnostics.append(Diagnostic(.error, path: "comments/\(task)",
                    message: "expected a folder named after a task id (\(Identifier.expectedShape(.task)))"))
                return false
            }
            return true
        }
    }

    /// Every comment of one task: its folder is opened once and its files read relative to it.
    static func decodeComments(_ root: String, task: String, references: References) -> ([Comment], [Diagnostic]) {
        var comments: [Comment] = []
        var diagnostics: [Diagnostic] = []
        let directory = FileSystem.Directory(root + "/comments/" + task)
        for name in FileSystem.list(root + "/comments/" + task) {
            let path = "comments/\(task)/\(name)"
            guard let id = stem(name, ".json"), Identifier.isValid(id, kind: .comment) else {
                diagnostics.append(Diagnostic(.error, path: path,
                    message: "file name is not a valid comment id: expected \(Identifier.expectedShape(.comment)).json"))
                continue
            }
            let (comment, problems) = decodeFile(root, path, in: directory, name: name) { node, sink in
                CommentDecoder.decode(node, expectedTask: task, expectedID: id, references: references, sink: &sink)
            }
            if let comment { comments.append(comment) }
            diagnostics += problems
        }
        return (comments, diagnostics)
    }

    /// `name` without `suffix`, by UTF-8 bytes (Character-based String
    /// operations are far slower, and this runs for every file).
    static func stem(_ name: String, _ suffix: String) -> String? {
        let count = suffix.utf8.count
        guard name.utf8.count > count, name.hasByteSuffix(suffix) else { return nil }
        return String(name.utf8.dropLast(count))!
    }
}
