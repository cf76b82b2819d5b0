import Foundation

/// The comment operations of docs/edits.md, with mentions and their notifications.
extension EditEngine {
    mutating func comment(_ edit: Edit) throws(EditError) -> Outcome {
        var task = try existingTask(edit)
        try checkVersion(task, edit)
        var content: String?
        var givenID: String?
        for member in edit.data {
            switch member.key {
            case "content":
                guard let text = member.value.stringValue, !text.isBlank else {
                    throw .validation("Field 'content' must be a non-empty string")
                }
                if let problem = Limits.commentProblem(text) { throw .validation(problem) }
                content = text
            case "id":
                guard let id = member.value.stringValue, Identifier.isValid(id, kind: .comment) else {
                    throw .validation("Field 'id' must be \(Identifier.expectedShape(.comment))")
                }
                givenID = id
            case "attachments":
                throw .validation("Attachments cannot be set through edits; link to the file from the comment instead")
            default:
                try unknown(member.key, in: edit, "Unknown field '\(member.key)'; comment.create takes content")
            }
        }
        guard let content else { throw .validation("Field 'content' is required") }
        let id = givenID ?? "cmt_" + edit.ulid
        if workspace.comments[task.id]?.contains(where: { $0.id == id }) == true {
            throw .validation("A comment with id '\(id)' already exists on this task")
        }
        let comment = Comment(id: id, task: task.id, author: edit.actor, content: content, createdAt: edit.at, updatedAt: edit.at)
        let subscribersBefore = task.subscribers
        let mentioned = mentionedMembers(content, excluding: edit.actor)
        task.subscribers = Self.union(task.subscribers, mentioned)
        if task.subscribers != subscribersBefore {
            try bump(&task, edit)
            store(task)
        }
        storeComment(comment)
        for person in mentioned { notify(person, .taskMention, edit: edit, task: task.id, comment: id) }
        for person in subscribersBefore where person != edit.actor && !mentioned.contains(person) {
            notify(person, .taskCommented, edit: edit, task: task.id, comment: id)
        }
        return Outcome(action: .commented, task: task.id, version: task.version, comment: id)
    }

    mutating func updateComment(_ edit: Edit) throws(EditError) -> Outcome {
        var task = try existingTask(edit)
        let (commentID, content) = try commentFields(edit, needsContent: true)
        guard var comment = workspace.comments[task.id]?.first(where: { $0.id == commentID }) else {
            throw EditError(.notFound, "Comment not found")
        }
        guard comment.author == edit.actor else {
            throw EditError(.notAuthorized, "Not authorized: only the author may edit a comment")
        }
        let window = Int64(workspace.settings.commentEditWindowMinutes).multipliedReportingOverflow(by: 60_000)
        let elapsed = edit.at.milliseconds.subtractingReportingOverflow(comment.createdAt.milliseconds)
        guard window.overflow || (!elapsed.overflow && elapsed.partialValue <= window.partialValue) else {
            throw EditError(.notAuthorized, "Not authorized: comments can be edited for \(workspace.settings.commentEditWindowMinutes) minutes after they are posted")
        }
        let newContent = content!
        if newContent == comment.content { return Outcome(action: .unchanged, task: task.id, version: task.version, comment: comment.id) }
        let before = Set(Markdown.mentions(in: comment.content, isMember: isMember).map(\.personID))
        let mentioned = mentionedMembers(newContent, excluding: edit.actor).filter { !before.contains($0) }
        comment.content = newContent
        comment.updatedAt = edit.at
        storeComment(comment)
        let subscribersBefore = task.subscribers
        task.subscribers = Self.union(task.subscribers, mentioned)
        if task.subscribers != subscribersBefore {
            try bump(&task, edit)
            store(task)
        }
        for person in mentioned { notify(person, .taskMention, edit: edit, task: task.id, comment: comment.id) }
        return Outcome(action: .updated, task: task.id, version: task.version, comment: comment.id)
    }

    mutating func deleteComment(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        let task = try existingTask(edit)
        let (commentID, _) = try commentFields(edit, needsContent: false)
        guard let comment = workspace.comments[task.id]?.first(where: { $0.id == commentID }) else {
            throw EditError(.notFound, "Comment not found")
        }
        guard comment.author == edit.actor || actor.role == .admin else {
            throw EditError(.notAuthorized, "Not authorized: only the author or an admin may delete a comment")
        }
        workspace.comments[task.id]?.removeAll { $0.id == commentID }
        changes.delete("comments/\(task.id)/\(commentID).json")
        if workspace.comments[task.id]?.isEmpty == true {
            workspace.comments[task.id] = nil
            changes.removeEmptyDirectory("comments/\(task.id)")
        }
        return Outcome(action: .deleted, task: task.id, version: task.version, comment: commentID)
    }
}
