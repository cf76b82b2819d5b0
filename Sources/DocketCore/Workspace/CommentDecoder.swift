/// Decodes `comments/<task-id>/<comment-id>.json`.
public enum CommentDecoder {
    public static let fields = "author, content, created_at, id, task, updated_at"

    public static func decode(_ root: JSONNode, expectedTask: String, expectedID: String,
                              references: References, sink: inout DiagnosticSink) -> Comment? {
        guard var reader = ObjectReader(root, what: "a comment", sink: &sink) else { return nil }
        let before = sink.diagnostics.count
        let id = reader.string("id", required: true, sink: &sink)
        if let id {
            let offset = reader.member("id")?.value.offset
            if !Identifier.isValid(id, kind: .comment) {
                sink.error("field 'id' must be \(Identifier.expectedShape(.comment)), found '\(id)'", at: offset)
            } else if id != expectedID {
                sink.error("field 'id' is '\(id)' but the file is named '\(expectedID).json'", at: offset)
            }
        }
        let task = reader.string("task", required: true, sink: &sink)
        if let task {
            let offset = reader.member("task")?.value.offset
            if task != expectedTask {
                sink.error("field 'task' is '\(task)' but the comment is in the folder comments/\(expectedTask)/", at: offset)
            } else if !references.taskIDs.contains(task) {
                sink.error("comment on task '\(task)', which does not exist in tasks/", at: offset)
            }
        }
        let author = reader.string("author", required: true, sink: &sink)
        if let author, let problem = references.unknownPerson(author, field: "author") {
            sink.error(problem, at: reader.member("author")?.value.offset)
        }
        let content = reader.string("content", required: true, sink: &sink, nonEmpty: true)
        if let content, let problem = Limits.commentProblem(content) { sink.error(problem, at: reader.member("content")?.value.offset) }
        let createdAt = reader.instant("created_at", required: true, sink: &sink)
        let updatedAt = reader.instant("updated_at", required: true, sink: &sink)
        reader.reportUnknown(sink: &sink, allowed: fields)
        guard sink.diagnostics.count == before, let id, let task, let author, let content, let createdAt, let updatedAt
        else { return nil }
        return Comment(id: id, task: task, author: author, content: content, createdAt: createdAt, updatedAt: updatedAt)
    }
}
