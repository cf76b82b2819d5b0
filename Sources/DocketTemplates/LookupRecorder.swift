import Foundation

/// Which names of a theme resolved while it rendered sample data: a name
/// that never did is a typo or a field no view has (`docket template check`).
/// Shared by the threads that render pages.
public final class LookupRecorder: @unchecked Sendable {
    private struct Site: Hashable { let path: String, line: Int, column: Int, name: String }
    private var found: Set<Site> = []
    private var missed: [Site: Set<String>] = [:]
    private let lock = NSLock()

    public init() {}

    func note(_ name: String, at location: SourceLocation, found wasFound: Bool, stack: [TemplateValue]) {
        let site = Site(path: location.path, line: location.line, column: location.column, name: name)
        lock.lock()
        defer { lock.unlock() }
        if wasFound {
            found.insert(site)
            missed[site] = nil
        } else if !found.contains(site) {
            var keys = missed[site] ?? []
            for frame in stack { if case .object(let members) = frame { keys.formUnion(members.keys) } }
            missed[site] = keys
        }
    }

    /// Every name that never resolved, with the closest name that was there.
    public var problems: [TemplateError] {
        lock.lock()
        defer { lock.unlock() }
        return missed.map { site, keys in
            let first = site.name.split(separator: ".").first.map(String.init) ?? site.name
            let hint = Suggestion.closest(to: first, among: keys).first.map { "; did you mean '\($0)'?" } ?? ""
            return TemplateError(path: site.path, line: site.line, column: site.column,
                                 message: "no view supplies '\(site.name)' here\(hint)")
        }.sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
    }
}
