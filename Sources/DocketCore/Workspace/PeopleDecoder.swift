/// Decodes `people.json`: an array of members, each id and email unique.
public enum PeopleDecoder {
    public static func decode(_ root: JSONNode, sink: inout DiagnosticSink) -> [Person] {
        guard let elements = root.arrayValue else {
            sink.error("expected an array of people, found \(root.value.kindName)", at: root.offset)
            return []
        }
        var people: [Person] = []
        var ids: Set<String> = []
        var emails: [String: String] = [:]
        for element in elements {
            guard var reader = ObjectReader(element, what: "a person", sink: &sink) else { continue }
            let before = sink.diagnostics.count
            let id = reader.string("id", required: true, sink: &sink)
            if let id {
                let offset = reader.member("id")?.value.offset
                if !Identifier.isValidName(id) {
                    sink.error("person id '\(id)' is not valid (\(Identifier.nameRule))", at: offset)
                } else if !ids.insert(id).inserted {
                    sink.error("duplicate person id '\(id)'", at: offset)
                }
            }
            let name = reader.string("name", required: true, sink: &sink, nonEmpty: true)
            if let name, name.count > Limits.nameCharacters {
                sink.error("field 'name' has \(name.count) characters; the most is \(Limits.nameCharacters)", at: reader.member("name")?.value.offset)
            }
            let email = reader.string("email", required: false, sink: &sink)
            if let email, let id {
                let offset = reader.member("email")?.value.offset
                if !email.contains("@") {
                    sink.error("field 'email' must be an email address, found '\(email)'", at: offset)
                } else if let other = emails[email.lowercased()] {
                    sink.error("email '\(email)' is already used by '\(other)'", at: offset)
                } else {
                    emails[email.lowercased()] = id
                }
            }
            let role = reader.enumeration("role", Role.self, required: true, sink: &sink)
            let kind = reader.enumeration("kind", Person.Kind.self, required: false, sink: &sink) ?? .human
            let gitEmails = reader.strings("git_emails", required: false, sink: &sink) { $0.contains("@") ? nil : "'\($0)' is not an email address" } ?? []
            reader.reportUnknown(sink: &sink, allowed: "email, git_emails, id, kind, name, role")
            guard sink.diagnostics.count == before, let id, let name, let role else { continue }
            var person = Person(id: id, name: name, email: email, role: role, kind: kind)
            person.gitEmails = gitEmails
            people.append(person)
        }
        return people
    }
}
