/// The canonical JSON of each entity (SPEC §1): optional fields omitted when
/// empty, subscribers sorted. `JSONWriter.canonical` sorts the keys.
extension Task {
    public var json: JSONValue {
        var members: [JSONMember] = []
        func put(_ key: String, _ value: JSONValue) { members.append(JSONMember(key: key, value: JSONNode(value))) }
        put("id", .string(id))
        put("title", .string(title))
        put("status", .string(status.rawValue))
        put("priority", .string(priority.rawValue))
        put("type", .string(type))
        if let due { put("due", .string(due.text)) }
        switch reminder {
        case .offsetMinutes(let minutes)?: put("reminder", .object(["offset_minutes": .int(minutes)]))
        case .time(let time)?: put("reminder", .object(["time": .string(time.description)]))
        case nil: break
        }
        if !assignees.isEmpty { put("assignees", .strings(assignees)) }
        if !subscribers.isEmpty { put("subscribers", .strings(subscribers.sorted { $0.precedesInByteOrder($1) })) }
        if !tags.isEmpty { put("tags", .strings(tags)) }
        if !links.isEmpty {
            put("links", .array(links.map { JSONNode(.object(["id": .string($0.id), "type": .string($0.type)])) }))
        }
        if !metadata.isEmpty { put("metadata", .object(metadata)) }
        put("created_at", .string(createdAt.rfc3339))
        put("created_by", .string(createdBy))
        put("updated_at", .string(updatedAt.rfc3339))
        if let completedAt { put("completed_at", .string(completedAt.rfc3339)) }
        if let completedBy { put("completed_by", .string(completedBy)) }
        put("version", .int(version))
        return .object(members)
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
