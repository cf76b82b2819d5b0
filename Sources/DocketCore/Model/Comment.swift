/// A comment on a task (`comments/<task-id>/<comment-id>.json`); its content
/// is Markdown and may hold `@{person-id:Display Name}` mention tokens.
public struct Comment: Sendable, Equatable {
    public var id: String
    public var task: String
    public var author: String
    public var content: String
    public var createdAt: Instant
    public var updatedAt: Instant

    public init(id: String, task: String, author: String, content: String, createdAt: Instant, updatedAt: Instant) {
        self.id = id
        self.task = task
        self.author = author
        self.content = content
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
