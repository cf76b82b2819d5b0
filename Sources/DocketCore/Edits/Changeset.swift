/// The files an apply writes and removes, collected in memory first so they
/// can be committed as one transaction (see `WorkspaceTransaction`).
public struct Changeset: Sendable {
    public enum Change: Sendable, Equatable {
        case write([UInt8])
        case delete
        /// Remove the folder if it is empty (a deleted task's comments folder).
        case removeEmptyDirectory
    }

    /// Path relative to the workspace → the last change to it.
    public private(set) var changes: [String: Change] = [:]

    public init() {}

    public var isEmpty: Bool { changes.isEmpty }

    public mutating func write(_ path: String, _ value: JSONValue) {
        changes[path] = .write(Array(JSONWriter.canonical(value).utf8))
    }

    public mutating func write(_ path: String, text: String) {
        changes[path] = .write(Array(text.utf8))
    }

    public mutating func delete(_ path: String) { changes[path] = .delete }

    public mutating func removeEmptyDirectory(_ path: String) { changes[path] = .removeEmptyDirectory }

    /// Writes first, in path order; then deletions; folders last, deepest first.
    public var ordered: [(path: String, change: Change)] {
        let sorted = changes.sorted { $0.key.precedesInByteOrder($1.key) }
        let writes = sorted.filter { if case .write = $0.value { true } else { false } }
        let deletes = sorted.filter { $0.value == .delete }
        let folders = sorted.filter { $0.value == .removeEmptyDirectory }.reversed()
        return (writes + deletes + folders).map { ($0.key, $0.value) }
    }
}
