import Foundation
import DocketCore

/// `feeds/<person>.atom`: the person's notifications as an Atom feed (RFC 4287).
struct AtomFeed {
    let context: SiteContext
    let baseURL: String?

    /// The newest this many notifications.
    static let limit = 100

    func render(for person: Person) -> String {
        let notes = Array((context.activity.notifications[person.id] ?? []).prefix(Self.limit))
        let updated = notes.first?.at ?? context.day.now
        let site = baseURL ?? ""
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        xml += "  <title>\(escape("\(person.name) — \(context.workspace.settings.name)"))</title>\n"
        xml += "  <id>urn:docket:\(escape(context.workspace.settings.name.lowercased().replacingOccurrences(of: " ", with: "-"))):feed:\(person.id)</id>\n"
        xml += "  <updated>\(updated.rfc3339)</updated>\n"
        xml += "  <author><name>docket</name></author>\n"
        if !site.isEmpty {
            xml += #"  <link rel="alternate" type="text/html" href="\#(escape(site + "people/\(person.id).html"))"/>"# + "\n"
        }
        for note in notes {
            let task = context.workspace.task(note.task)
            let title = task?.title ?? "a deleted task"
            let actor = context.personName(note.actor)
            let phrase: String = switch note.kind {
            case .taskAssigned: "\(actor) assigned you “\(title)”"
            case .taskCompleted: "\(actor) completed “\(title)”"
            case .taskMention: "\(actor) mentioned you on “\(title)”"
            case .taskCommented: "\(actor) commented on “\(title)”"
            }
            xml += "  <entry>\n"
            xml += "    <id>urn:docket:notification:\(note.id)</id>\n"
            let short = task.map { " (\(context.shortIDs.short($0.id)))" } ?? ""
            xml += "    <title>\(escape(phrase + short))</title>\n"
            xml += "    <updated>\(note.at.rfc3339)</updated>\n"
            xml += "    <category term=\"\(note.kind.rawValue)\"/>\n"
            if task != nil {
                let anchor = note.comment.map { "#" + $0 } ?? ""
                xml += #"    <link rel="alternate" type="text/html" href="\#(escape(site + "tasks/\(note.task).html" + anchor))"/>"# + "\n"
            }
            if let comment = note.comment, let body = context.workspace.comments[note.task]?.first(where: { $0.id == comment }) {
                xml += "    <summary type=\"text\">\(escape(plainText(body.content)))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// Mention tokens read as "@Display Name" in a feed reader.
    func plainText(_ content: String) -> String {
        let people = context.workspace.peopleByID
        return Mention.split(content, isMember: { people[$0] != nil }).map { piece in
            switch piece {
            case .text(let text): text
            case .mention(let mention): people[mention.personID] != nil && !mention.isPlain ? "@" + mention.displayName : mention.token
            }
        }.joined()
    }

    /// XML escaping for text and attribute values; control characters XML forbids are dropped.
    func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
