import DocketCore

/// What the page scripts that write edits need, in `data/workspace.js`:
/// people (for "you are" and @mentions), task types, and, when the
/// workspace names its repository, the address of the host's prefilled
/// "new file" page with `{file}` and `{content}` to fill in.
struct ActionData {
    let workspace: Workspace

    func script() -> [UInt8] {
        var writer = ListData.ScriptWriter("docketWorkspace")
        writer.rows("people", workspace.people.map { person in
            [person.id, person.name, person.kind == .integration ? "integration" : person.role.rawValue]
        })
        writer.texts("types", workspace.settings.types)
        if let repository = workspace.settings.repository, let url = Self.newFileURL(repository) {
            writer.text("newFile", url)
            writer.text("host", Self.host(repository.url).rawValue)
        }
        writer.text("queuePath", workspace.settings.repository.map { $0.path.isEmpty ? "queue/" : $0.path + "/queue/" } ?? "queue/")
        return writer.finish()
    }

    enum Host: String { case github = "GitHub", gitlab = "GitLab", gitea = "Gitea" }

    /// GitHub and GitLab by their names in the address; any other host is taken for Gitea or Forgejo.
    static func host(_ url: String) -> Host {
        let lower = url.lowercased()
        if lower.contains("github") { return .github }
        if lower.contains("gitlab") { return .gitlab }
        return .gitea
    }

    /// The host's page for a new file with its name and content filled in:
    /// `{file}` (the path from the repository root) and `{content}` are replaced, URL-encoded, by the page.
    static func newFileURL(_ repository: Repository) -> String? {
        var base = repository.url
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix(".git") { base.removeLast(4) }
        guard base.hasPrefix("https://") || base.hasPrefix("http://") else { return nil }
        let branch = repository.branch.percentEncoded
        return switch host(base) {
        case .github: base + "/new/" + branch + "?filename={file}&value={content}"
        case .gitlab: base + "/-/new/" + branch + "?file_name={file}&content={content}"
        case .gitea: base + "/_new/" + branch + "/?filename={file}&value={content}"
        }
    }
}

extension String {
    /// Percent-encoded but for unreserved characters: for a path segment (a branch such as `release/2`) or a query value.
    var percentEncoded: String {
        var result = ""
        for byte in utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-._~".utf8.contains(byte) {
                result.append(Character(UnicodeScalar(byte)))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return result
    }

    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
