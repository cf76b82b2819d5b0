import ArgumentParser
import DocketCore
import DocketTemplates
import Foundation

/// `docket init [DIR]`: a new workspace, its .gitignore and a CI workflow.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new workspace: settings, people (you, as admin), folders, .gitignore and a CI workflow.",
        discussion: """
            Run it in your team's git repository (or a folder of it). You become the admin, from \
            'git config user.name' and 'user.email'. The CI workflow applies queued edits after every \
            push, commits the result and publishes the site; docs/team.md walks through the rest. \
            Nothing that exists is overwritten.
            """
    )
    @Argument(help: "The folder to create the workspace in (default: the current folder).") var directory: String = "."
    @Option(help: "The workspace's name, shown on every page (default: the folder's name).") var name: String?
    @Option(help: ArgumentHelp("The IANA time zone that 'today' and due times are read in, such as Europe/Berlin (default: this machine's).",
                               valueName: "zone")) var timezone: String?
    @Option(help: ArgumentHelp("The CI workflow to write: github (.github/workflows/docket.yml), gitlab (.gitlab-ci.yml) or none.",
                               valueName: "host")) var ci: String = "github"

    func run() throws {
        try runReporting {
            guard let workflow = CIWorkflow(rawValue: ci) else {
                throw CLIError("error: --ci is '\(Quoted.text(ci))'; expected github, gitlab or none")
            }
            let zone = try resolveZone()
            if FileSystem.exists(directory) && !FileSystem.isDirectory(directory) {
                throw CLIError("\(directory): error: exists and is not a folder")
            }
            do throws(FileError) { try FileSystem.createDirectory(directory) } catch { throw CLIError(error.description) }
            let absolute = URL(fileURLWithPath: absolutePath(directory)).resolvingSymlinksInPath().path
            let workspaceName = name ?? URL(fileURLWithPath: absolute).lastPathComponent
            guard workspaceName.count <= 200, !workspaceName.isBlank else {
                throw CLIError("error: --name must be 1 to 200 characters; it has \(workspaceName.count)")
            }
            let repository = Git.topLevel(of: absolute)
            let userName = Git.config("user.name", in: absolute)
            let email = Git.config("user.email", in: absolute)
            let adminName = userName ?? email ?? "Admin"
            let admin = WorkspaceInitializer.Admin(id: WorkspaceInitializer.Admin.id(name: adminName, email: email),
                                                   name: adminName, email: email)
            let root = repository ?? absolute
            let inside = absolute == root ? "." : String(absolute.dropFirst(root.count + 1))
            let initializer = WorkspaceInitializer(
                directory: absolute, name: workspaceName, zone: zone, admin: admin, ci: workflow,
                repositoryRoot: root, workspaceInRepository: inside, branch: repository.flatMap(Git.currentBranch(in:)) ?? "main")
            let written: [String]
            do throws(WorkspaceInitializer.Failure) { written = try initializer.run() } catch { throw CLIError(error.description) }
            Console.print("Created the workspace '\(Quoted.text(workspaceName))' in \(directory) (time zone \(zone.identifier)):")
            for path in written { Console.print("  " + path) }
            Console.print("You are its admin, '\(admin.id)'" + (email.map { " (\(Quoted.text($0)))" } ?? "") + ". Add your team to people.json.")
            if email == nil {
                Console.error("warning: git has no user.email; set it and add it to people.json, so docket knows who you are")
            }
            if repository == nil {
                Console.error("note: \(directory) is not in a git repository yet; run 'git init' there, then commit these files")
            }
            Console.print("Next: docket add \"Call Ada\" --due tomorrow, then docket preview; docs/team.md has the whole walk-through.")
        }
    }

    private func resolveZone() throws -> Zone {
        let wanted = timezone ?? TimeZone.current.identifier
        if let zone = Zone(identifier: wanted) { return zone }
        guard timezone != nil else { return .utc }
        let close = Self.zoneSuggestions(for: wanted)
        let hint = close.isEmpty ? "use an IANA name such as Europe/Berlin or America/New_York" : "did you mean \(close.joined(separator: ", "))?"
        throw CLIError("error: --timezone '\(Quoted.text(wanted))' is not a time zone; \(hint)")
    }
}

extension Init {
    /// Up to three IANA names close to a mistyped one: the same name in
    /// other case, names whose city matches, then the fewest edits.
    static func zoneSuggestions(for text: String) -> [String] {
        let known = TimeZone.knownTimeZoneIdentifiers
        let wanted = String(text.lowercased().prefix(64))
        if let exact = known.first(where: { $0.lowercased() == wanted }) { return [exact] }
        let city = wanted.split(separator: "/").last.map(String.init) ?? wanted
        let byCity = known.filter { $0.lowercased().hasSuffix("/" + city) || ($0.lowercased().contains(city) && city.count >= 4) }
        if !byCity.isEmpty { return Array(byCity.sorted().prefix(3)) }
        return Suggestion.closest(to: wanted, among: known)
    }
}

/// A path made absolute against the current directory, for messages and file:// links.
func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
}
