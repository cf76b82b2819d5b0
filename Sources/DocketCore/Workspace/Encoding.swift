/// The canonical JSON of each entity (docs/spec-decisions.md): optional fields omitted when
/// empty, subscribers sorted. `JSONWriter.canonical` sorts the keys.
extension Task {
    public var json: JSONValue {
        var members: [JSONMember] = []
        func put(_ key: String, _ value: JSONValue) { members.append(JSONMember(key: key, value: JSONNode(value))) }
        for field in Task.plainFields {
            if let value = field.get(self) { put(field.key, TaskField.json(value)) }
        }
        if !assignees.isEmpty { put("assignees", .strings(assignees)) }
        put("created_at", .string(createdAt.rfc3339))
        put("created_by", .string(createdBy))
        if let due { put("due", .string(due.text)) }
        put("id", .string(id))
        if !links.isEmpty {
            put("links", .array(links.map { JSONNode(.object(["id": .string($0.id), "type": .string($0.type)])) }))
        }
        if !metadata.isEmpty { put("metadata", .object(metadata)) }
        put("priority", .string(priority.rawValue))
        switch reminder {
        case .offsetMinutes(let minutes)?: put("reminder", .object(["offset_minutes": .int(minutes)]))
        case .time(let time)?: put("reminder", .object(["time": .string(time.description)]))
        case nil: break
        }
        put("status", .string(status.rawValue))
        if !subscribers.isEmpty { put("subscribers", .strings(subscribers.sorted { $0.precedesInByteOrder($1) })) }
        put("title", .string(title))
        put("type", .string(type))
        put("updated_at", .string(updatedAt.rfc3339))
        put("version", .int(version))
        // In key order, so writers find the members sorted and need not sort them.
        return .object(members.sorted { $0.key.precedesInByteOrder($1.key) })
    }
}

extension Comment {
    public var json: JSONValue {
        .object([
            "author": .string(author),
            "content": .string(content),
            "created_at": .string(createdAt.rfc3339),
            "id": .string(id),
            "task": .string(task),
            "updated_at": .string(updatedAt.rfc3339),
        ])
    }
}

extension Person {
    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "id", value: JSONNode(.string(id))),
            JSONMember(key: "name", value: JSONNode(.string(name))),
            JSONMember(key: "role", value: JSONNode(.string(role.rawValue))),
        ]
        if let email { members.append(JSONMember(key: "email", value: JSONNode(.string(email)))) }
        if kind != .human { members.append(JSONMember(key: "kind", value: JSONNode(.string(kind.rawValue)))) }
        return .object(members)
    }
}

extension Record {
    public var json: JSONValue {
        .object([
            JSONMember(key: "id", value: JSONNode(.string(id))),
            JSONMember(key: "type", value: JSONNode(.string(type))),
            JSONMember(key: "name", value: JSONNode(.string(name))),
        ] + fields)
    }
}
