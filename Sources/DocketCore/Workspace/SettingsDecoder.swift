/// Decodes `workspace.json`. Every field but `name` has a default.
public enum SettingsDecoder {
    public static func decode(_ root: JSONNode, sink: inout DiagnosticSink) -> Settings {
        guard var reader = ObjectReader(root, what: "the workspace settings", sink: &sink) else {
            return Settings(name: "docket")
        }
        var name = reader.string("name", required: true, sink: &sink, nonEmpty: true) ?? "docket"
        if name.count > Limits.nameCharacters {
            // It is on every page: a long one would multiply the site's size.
            sink.error("field 'name' has \(name.count) characters; the most is \(Limits.nameCharacters)", at: reader.member("name")?.value.offset)
            name = String(name.prefix(Limits.nameCharacters))
        }
        var settings = Settings(name: name)
        if let identifier = reader.string("timezone", required: false, sink: &sink) {
            if let zone = Zone(identifier: identifier) {
                settings.zone = zone
            } else {
                sink.error("field 'timezone' must be an IANA time zone such as Europe/Berlin, found '\(identifier)'",
                           at: reader.member("timezone")?.value.offset)
            }
        }
        if let weekday = reader.enumeration("week_starts_on", Weekday.self, required: false, sink: &sink) {
            settings.weekStartsOn = weekday
        }
        if let url = reader.string("base_url", required: false, sink: &sink) {
            if Self.isWebAddress(url) {
                settings.baseURL = url
            } else {
                sink.error("field 'base_url' is '\(url.prefix(80))'; it must be an http:// or https:// address (it is put in every feed's links)",
                           at: reader.member("base_url")?.value.offset)
            }
        }
        if let minutes = reader.int("comment_edit_window_minutes", required: false, sink: &sink, minimum: 0, maximum: Limits.offsetMinutes) {
            settings.commentEditWindowMinutes = minutes
        }
        if reader.has("types") {
            let types = reader.strings("types", required: false, sink: &sink) { type in
                Self.isValidType(type) ? nil : "task type '\(type)' must be lower-case letters, digits and '_', starting with a letter"
            } ?? []
            if types.isEmpty, let member = reader.member("types") {
                sink.error("field 'types' must list at least one task type", at: member.value.offset)
            } else if !types.isEmpty {
                settings.types = types
            }
        }
        if let member = reader.member("repository") {
            settings.repository = decodeRepository(member.value, sink: &sink)
        }
        if let verify = reader.bool("verify_actors", required: false, sink: &sink) { settings.verifyActors = verify }
        reader.reportUnknown(sink: &sink, allowed: "base_url, comment_edit_window_minutes, name, repository, timezone, types, verify_actors, week_starts_on")
        return settings
    }

    static func decodeRepository(_ node: JSONNode, sink: inout DiagnosticSink) -> Repository? {
        guard var reader = ObjectReader(node, what: "field 'repository'", sink: &sink) else { return nil }
        let url = reader.string("url", required: true, sink: &sink, nonEmpty: true)
        let branch = reader.string("branch", required: false, sink: &sink, nonEmpty: true)
        let path = reader.string("path", required: false, sink: &sink)
        reader.reportUnknown(sink: &sink, allowed: "branch, path, url")
        guard let url else { return nil }
        guard isWebAddress(url) else {
            sink.error("field 'repository.url' is '\(url.prefix(80))'; it must be an http:// or https:// address", at: reader.member("url")?.value.offset)
            return nil
        }
        var repository = Repository(url: url)
        if let branch { repository.branch = branch }
        if let path {
            let parts = path.split(separator: "/")
            guard !parts.contains(".."), !path.hasPrefix("/"), !path.contains("\0") else {
                sink.error("field 'repository.path' is '\(path.prefix(80))'; it must be a folder inside the repository, such as ops/tasks",
                           at: reader.member("path")?.value.offset)
                return nil
            }
            repository.path = parts.joined(separator: "/")
        }
        return repository
    }

    /// `http(s)://` and a host, with no space or control character: never
    /// `javascript:` and the like. (Quotes and brackets are escaped where it is printed.)
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let rest = ["https://", "http://"].first(where: lower.hasPrefix).map({ lower.dropFirst($0.count) }),
              let first = rest.first, first != "/" else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }

    static func isValidType(_ type: String) -> Bool {
        guard let first = type.utf8.first, first >= 0x61 && first <= 0x7A else { return false }
        return type.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}
