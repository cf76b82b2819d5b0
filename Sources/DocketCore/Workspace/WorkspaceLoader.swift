/// Reads a workspace directory (README, The workspace) in one pass: every file is read
/// once, parsed once and decoded once, on `Parallel.ioWidth` threads (reads
/// in flight overlap their waits for the disk). Problems become
/// diagnostics; a broken file never stops the others from being checked.
public enum WorkspaceLoader {
    public struct Result: Sendable {
        public var workspace: Workspace
        public var diagnostics: [Diagnostic]
        /// Seconds per stage (records, tasks, comments, index), for `--verbose`.
        public var stageTimes: [(String, Double)] = []
        /// Decoded files taken from the input cache, of all files decoded (nil without a cache).
        public var reusedFiles: (reused: Int, of: Int)?
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// `progress`, when given, counts tasks as they are read (a bar on a
    /// terminal). `cache` keeps decoded files between runs (`InputCache`);
    /// the default keeps nothing.
    public static func load(_ root: String, progress: Progress? = nil,
                            cache: InputCache = InputCache(workspace: nil)) -> Result {
        load(root, progress: progress, cache: cache, taskListing: nil)
    }

    static func load(_ root: String, progress: Progress?, cache: InputCache, taskListing: BackgroundValue<TaskListing>?) -> Result {
        let scan = scan(root, progress: progress, cache: cache, values: true, taskListing: taskListing)
        let started = Progress.seconds()
        let workspace = Workspace(settings: scan.settings, people: scan.people, records: scan.records.compactMap(\.value),
                                  tasks: scan.tasks.compactMap(\.value), comments: scan.comments.compactMap(\.value))
        var result = Result(workspace: workspace, diagnostics: scan.diagnostics,
                            stageTimes: scan.times + [("workspace", Progress.seconds() - started)])
        result.reusedFiles = scan.reused
        return result
    }

    /// Every file read or looked up, in the order `load` builds the workspace from.
    struct Scan {
        var settings = Settings(name: "docket")
        var people: [Person] = []
        var records: [InputCache.Decoded<Record>] = []
        var tasks: [InputCache.Decoded<Task>] = []
        var comments: [InputCache.Decoded<Comment>] = []
        var diagnostics: [Diagnostic] = []
        var times: [(String, Double)] = []
        var reused: (reused: Int, of: Int)?
    }

    /// `values` false: files the cache vouches for are not decoded (`lookupSummary`).
    /// `taskListing`, when given, was started before the cache was opened.
    static func scan(_ root: String, progress: Progress?, cache: InputCache, values: Bool,
                     taskListing: BackgroundValue<TaskListing>? = nil) -> Scan {
        var diagnostics: [Diagnostic] = []
        guard FileSystem.isDirectory(root) else {
            return Scan(diagnostics: [Diagnostic(.error, path: root, message: "workspace directory does not exist")])
        }

        var times: [(String, Double)] = []
        var last = Progress.seconds()
        func lap(_ stage: String) {
            let now = Progress.seconds()
            times.append((stage, now - last))
            last = now
        }

        // Links, pipes and devices are named by a walk of the workspace, on a
        // thread of its own while the files are read (nothing here opens a
        // link or blocks on a pipe, so reading need not wait for its verdict);
        // inside tasks/ and comments/, by the listings below, which see every entry anyway.
        let safety = BackgroundValue { WorkspaceSafety.problems(root, skippingInsideOf: WorkspaceSafety.listedByLoader) }
        // The task listing needs nothing before it, so it runs beside the settings and records.
        let taskListing = taskListing ?? BackgroundValue { listTaskFiles(root) }
        // So is the listing of comments/ (33,000 folders at 100,000 tasks), needed only after the tasks.
        let commentListing = BackgroundValue { listCommentDirectories(root) }

        // workspace.json and people.json: small, read first, needed by every
        // other decoder; so every cached decoding depends on their bytes.
        var shared = StableHash.fnv1a64("inputs")
        func depend(_ path: String, _ bytes: [UInt8]) {
            shared = StableHash.combine(StableHash.combine(shared, path), Int64(bitPattern: StableHash.fnv1a64(bytes: bytes)))
        }
        var settings = Settings(name: "docket")
        if let (node, sink) = parse(root, "workspace.json", required: true, into: &diagnostics, seen: depend) {
            var sink = sink
            settings = SettingsDecoder.decode(node, sink: &sink)
            diagnostics += sink.diagnostics
        }
        var people: [Person] = []
        var peopleKnown = false
        if let (node, sink) = parse(root, "people.json", required: true, into: &diagnostics, seen: depend) {
            var sink = sink
            people = PeopleDecoder.decode(node, sink: &sink)
            diagnostics += sink.diagnostics
            peopleKnown = node.arrayValue != nil
        }
        let sharedContext = shared
        lap("settings")

        // Records, then tasks, then comments: each stage only needs the ids of the one before.
        let recordFiles = listRecordFiles(root, into: &diagnostics)
        var typeDirectories: [String: FileSystem.Directory] = [:]
        for type in Set(recordFiles.map(\.type)) { typeDirectories[type] = FileSystem.Directory(root + "/records/" + type) }
        let recordDirectories = typeDirectories
        let recordResults = parallelMap(recordFiles, width: Parallel.ioWidth) { file -> InputCache.Decoded<Record> in
            let directory = recordDirectories[file.type]
            return cache.resolve(file.path, stamps: directory?.stamps(file.id + ".json"), context: sharedContext, decoding: values,
                                 read: { .init(file: read(root, file.path, in: directory, name: file.id + ".json")) }) { reads in
                decodeFile(file.path, reads.file) { node, sink in
                    RecordDecoder.decode(node, expectedType: file.type, expectedID: file.id, sink: &sink)
                }
            }
        }
        // A record decodes only if its type and id are its folder's and file's names.
        let recordKeys = Set(zip(recordFiles, recordResults).filter { $1.isValid }.map { $0.0.type + "/" + $0.0.id })
        diagnostics += recordResults.flatMap(\.diagnostics)

        lap("records")
        let listing = taskListing.value()
        let taskFiles = listing.files
        diagnostics += listing.diagnostics
        lap("list tasks")
        var references = References(settings: settings, people: Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                    recordKeys: recordKeys,
                                    taskIDs: listing.ids)
        references.peopleKnown = peopleKnown
        let frozen = references
        // Tasks are checked against the record ids (links to missing records are warned about).
        let taskContext = references.recordKeys.reduce(StableHash.combine(sharedContext, "tasks")) { $0 &+ StableHash.fnv1a64($1) }
        let tasksDirectory = FileSystem.Directory(root + "/tasks")
        progress?.start("reading", total: taskFiles.count)
        defer { progress?.finish() }
        let taskResults = parallelMap(taskFiles, width: Parallel.ioWidth) { file -> InputCache.Decoded<Task> in
            defer { progress?.advance() }
            let key = "tasks/\(file.id).json"
            let stamps = file.hasDetails ? tasksDirectory?.stamps(file.id + ".json", file.id + ".md")
                                         : tasksDirectory?.stamps(file.id + ".json")
            // Both files are read before either is decoded: their bytes may match an entry whose stamps changed.
            return cache.resolve(key, stamps: stamps, context: taskContext, decoding: values, read: {
                .init(file: read(root, key, in: tasksDirectory, name: file.id + ".json"),
                      details: file.hasDetails ? read(root, "tasks/\(file.id).md", in: tasksDirectory, name: file.id + ".md") : nil)
            }) { reads in decodeTask(file.id, json: reads.file, details: reads.details, references: frozen) }
        }
        diagnostics += taskResults.flatMap(\.diagnostics)

        lap("tasks")
        let commentReferences = references
        let (commentDirectories, commentFolderProblems) = commentListing.value()
        diagnostics += commentFolderProblems
        let commentsFolder = FileSystem.Directory(root + "/comments")
        let commentResults = parallelMap(commentDirectories, width: Parallel.ioWidth) { task in
            decodeComments(root, task: task, in: commentsFolder, references: commentReferences, cache: cache, shared: sharedContext,
                           values: values)
        }
        let comments = Array(commentResults.map(\.comments).joined())
        diagnostics += comments.flatMap(\.diagnostics)
        diagnostics += commentResults.flatMap(\.problems)
        lap("comments")
        diagnostics += safety.value()
        lap("links")
        diagnostics.sort()
        lap("problems")
        var scan = Scan(settings: settings, people: people, records: recordResults, tasks: taskResults, comments: comments,
                        diagnostics: diagnostics, times: times)
        if cache.isEnabled {
            let kept = recordResults.count(where: \.isKept) + taskResults.count(where: \.isKept) + comments.count(where: \.isKept)
            let reused = recordResults.count(where: \.reused) + taskResults.count(where: \.reused) + comments.count(where: \.reused)
            let current = recordResults.count(where: \.isCurrent) + taskResults.count(where: \.isCurrent) + comments.count(where: \.isCurrent)
            cache.save(kept: kept, current: current) { contents in
                contents.append(recordResults)
                contents.append(taskResults)
                contents.append(comments)
            }
            scan.reused = (reused, recordResults.count + taskResults.count + comments.count)
            lap("cache")
            scan.times = times
        }
        return scan
    }

    // MARK: - Reading one file

    /// Reads and parses one file; reports a missing file or a syntax error.
    /// `seen` gets the bytes that were parsed.
    static func parse(_ root: String, _ path: String, required: Bool, into diagnostics: inout [Diagnostic],
                      seen: (String, [UInt8]) -> Void = { _, _ in }) -> (JSONNode, DiagnosticSink)? {
        let full = root + "/" + path
        guard FileSystem.exists(full) else {
            if required { diagnostics.append(Diagnostic(.error, path: path, message: "file is missing")) }
            return nil
        }
        return parse(path, into: &diagnostics) { () throws(FileError) in
            let bytes = try FileSystem.readBytes(full)
            seen(path, bytes)
            return bytes
        }
    }

    /// The bytes of `path` (`name` in `directory`, when that is open), or why they could not be read.
    static func read(_ root: String, _ path: String, in directory: FileSystem.Directory?, name: String) -> Swift.Result<[UInt8], FileError> {
        Swift.Result { () throws(FileError) in
            if let directory { return try directory.readBytes(name) }
            return try FileSystem.readBytes(root + "/" + path)
        }
    }

    /// Parses and decodes the bytes read from `path`, reporting a read failure against it.
    static func decodeFile<T>(_ path: String, _ bytes: Swift.Result<[UInt8], FileError>,
                              _ decode: (JSONNode, inout DiagnosticSink) -> T?) -> (T?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (node, sink) = parse(path, into: &diagnostics, read: { () throws(FileError) in try bytes.get() }) else {
            return (nil, diagnostics)
        }
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

    /// A task from the bytes of its file and of its details file, checked against the references and the limits.
    static func decodeTask(_ id: String, json: Swift.Result<[UInt8], FileError>, details: Swift.Result<[UInt8], FileError>?,
                           references: References) -> (Task?, [Diagnostic]) {
        var (task, problems) = decodeFile("tasks/\(id).json", json) { node, sink in
            TaskDecoder.decode(node, expectedID: id, references: references, sink: &sink)
        }
        if let details {
            do throws(FileError) {
                let bytes = try details.get()
                if let text = String(validating: bytes, as: UTF8.self) {
                    task?.details = text
                } else {
                    problems.append(Diagnostic(.error, path: "tasks/\(id).md", message: "is not valid UTF-8 text"))
                }
            } catch {
                problems.append(Diagnostic(.error, path: "tasks/\(id).md", message: error.reason))
            }
        }
        if let checked = task {
            for problem in Limits.problems(checked) {
                problems.append(Diagnostic(.error, path: "tasks/\(id).\(problem.field == "details" ? "md" : "json")", message: problem.message))
                task = nil
            }
        }
        return (task, problems)
    }

    /// Every comment of one task: its folder is opened once (relative to
    /// `comments/`), listed through that descriptor, and its files stamped or read relative to it.
    /// `problems`: links, pipes and devices the listing saw (`WorkspaceSafety`).
    static func decodeComments(_ root: String, task: String, in comments: FileSystem.Directory?, references: References, cache: InputCache,
                               shared: UInt64, values: Bool = true) -> (comments: [InputCache.Decoded<Comment>], problems: [Diagnostic]) {
        var results: [InputCache.Decoded<Comment>] = []
        guard let comments, let directory = FileSystem.Directory(task, in: comments) else { return ([], []) }
        let context = StableHash.combine(shared, references.taskIDs.contains(task))
        let (names, unusual) = directory.listing()
        let problems = WorkspaceSafety.problems(root, in: "comments/" + task, unusual)
        for name in names {
            let path = "comments/\(task)/\(name)"
            guard let id = stem(name, ".json"), Identifier.isValid(id, kind: .comment) else {
                results.append(InputCache.Decoded(value: nil, diagnostics: [Diagnostic(.error, path: path,
                    message: "file name is not a valid comment id: expected \(Identifier.expectedShape(.comment)).json")]))
                continue
            }
            results.append(cache.resolve(path, stamps: directory.stamps(name), context: context, decoding: values,
                                         read: { .init(file: read(root, path, in: directory, name: name)) }) { reads in
                decodeFile(path, reads.file) { node, sink in
                    CommentDecoder.decode(node, expectedTask: task, expectedID: id, references: references, sink: &sink)
                }
            })
        }
        return (results, problems)
    }
}
