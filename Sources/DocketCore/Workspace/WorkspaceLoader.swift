/// Reads a workspace directory (SPEC §1) in one pass: every file is read
/// once, parsed once and decoded once, on every core. Problems become
/// diagnostics; a broken file never stops the others from being checked.
public enum WorkspaceLoader {
    public struct Result: Sendable {
        public var workspace: Workspace
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static func load(_ root: String) -> Result {
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

        // Records, then tasks, then comments: each stage only needs the ids of the one before.
        let recordFiles = listRecordFiles(root, into: &diagnostics)
        let recordResults = parallelMap(recordFiles) { file -> (Record?, [Diagnostic]) in
            decodeFile(root, file.path) { node, sink in
                RecordDecoder.decode(node, expectedType: file.type, expectedID: file.id, sink: &sink)
            }
        }
        let records = recordResults.compactMap(\.0)
        diagnostics += recordResults.flatMap(\.1)

        let taskFiles = listTaskFiles(root, into: &diagnostics)
        var references = References(settings: settings, people: Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                    recordKeys: Set(records.map(\.link.key)),
                                    taskIDs: Set(taskFiles.map(\.id)))
        references.peopleKnown = peopleKnown
        let frozen = references
        let taskResults = parallelMap(taskFiles) { file -> (Task?, [Diagnostic]) in
            var (task, problems) = decodeFile(root, "tasks/\(file.id).json") { node, sink in
                TaskDecoder.decode(node, expectedID: file.id, references: frozen, sink: &sink)
            }
            if file.hasDetails {
                do throws(FileError) {
                    task?.details = try FileSystem.readString(root + "/tasks/\(file.id).md")
                } catch {
                    problems.append(Diagnostic(.error, path: "tasks/\(file.id).md", message: error.reason))
                }
            }
            return (task, problems)
        }
        let tasks = taskResults.compactMap(\.0)
        diagnostics += taskResults.flatMap(\.1)
        references.taskIDs = Set(taskFiles.map(\.id))

        let commentFiles = listCommentFiles(root, into: &diagnostics)
        let commentReferences = references
        let commentResults = parallelMap(commentFiles) { file -> (Comment?, [Diagnostic]) in
            decodeFile(root, "comments/\(file.task)/\(file.id).json") { node, sink in
                CommentDecoder.decode(node, expectedTask: file.task, expectedID: file.id,
                                      references: commentReferences, sink: &sink)
            }
        }
        diagnostics += commentResults.flatMap(\.1)

        let workspace = Workspace(settings: settings, people: people, records: records, tasks: tasks,
                                  comments: commentResults.compactMap(\.0))
        return Result(workspace: workspace, diagnostics: diagnostics.sorted())
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
        let bytes: [UInt8]
        do throws(FileError) {
            bytes = try FileSystem.readBytes(full)
        } catch {
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

    static func decodeFile<T>(_ root: String, _ path: String,
                              _ decode: (JSONNode, inout DiagnosticSink) -> T?) -> (T?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (node, sink) = parse(root, path, required: true, into: &diagnostics) else { return (nil, diagnostics) }
        var mutableSink = sink
        let value = decode(node, &mutableSink)
        return (value, mutableSink.diagnostics)
    }

    // MARK: - Listing

    struct RecordFile: Sendable { var type: String; var id: String; var path: String }
    struct TaskFile: Sendable { var id: String; var hasDetails: Bool }
    struct CommentFile: Sendable { var task: String; var id: String }

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
        let names = FileSystem.list(root + "/tasks")
        let nameSet = Set(names)
        var files: [TaskFile] = []
        for name in names {
            if let id = stem(name, ".json") {
                guard Identifier.isValid(id, kind: .task) else {
                    diagnostics.append(Diagnostic(.error, path: "tasks/\(name)",
                        message: "file name is not a valid task id: expected \(Identifier.expectedShape(.task)).json"))
                    continue
                }
                files.append(TaskFile(id: id, hasDetails: nameSet.contains(id + ".md")))
            } else if let id = stem(name, ".md") {
                if !nameSet.contains(id + ".json") {
                    diagnostics.append(Diagnostic(.error, path: "tasks/\(name)", message: "details file has no task: tasks/\(id).json is missing"))
                }
            } else {
                diagnostics.append(Diagnostic(.warning, path: "tasks/\(name)", message: "neither a task (.json) nor its details (.md); ignored"))
            }
        }
        return files
    }

    static func listCommentFiles(_ root: String, into diagnostics: inout [Diagnostic]) -> [CommentFile] {
        var files: [CommentFile] = []
        for task in FileSystem.list(root + "/comments") {
            guard Identifier.isValid(task, kind: .task), FileSystem.isDirectory(root + "/comments/" + task) else {
                diagnostics.append(Diagnostic(.error, path: "comments/\(task)",
                    message: "expected a folder named after a task id (\(Identifier.expectedShape(.task)))"))
                continue
            }
            for name in FileSystem.list(root + "/comments/" + task) {
                guard let id = stem(name, ".json"), Identifier.isValid(id, kind: .comment) else {
                    diagnostics.append(Diagnostic(.error, path: "comments/\(task)/\(name)",
                        message: "file name is not a valid comment id: expected \(Identifier.expectedShape(.comment)).json"))
                    continue
                }
                files.append(CommentFile(task: task, id: id))
            }
        }
        return files
    }

    static func stem(_ name: String, _ suffix: String) -> String? {
        name.hasSuffix(suffix) && name.count > suffix.count ? String(name.dropLast(suffix.count)) : nil
    }
}
