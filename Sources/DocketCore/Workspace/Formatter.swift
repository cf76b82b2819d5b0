/// `docket fmt`: rewrites every workspace JSON file in canonical form
/// (sorted keys, two-space indent, trailing newline, task subscribers
/// sorted). It changes layout only, never meaning, so it also works on files
/// that do not validate. The queue is left alone: it holds people's drafts.
public enum Formatter {
    public struct Outcome: Sendable {
        /// Files (relative paths) that were, or would be, rewritten.
        public var changed: [String] = []
        /// Files that could not be formatted (unreadable or not JSON).
        public var diagnostics: [Diagnostic] = []
    }

    /// Formats in place, or with `checkOnly` just reports what is not canonical.
    public static func run(workspace root: String, checkOnly: Bool) -> Outcome {
        let files = jsonFiles(root)
        let results = parallelMap(files) { path -> (changed: Bool, problem: Diagnostic?) in
            let full = root + "/" + path
            let bytes: [UInt8]
            do throws(FileError) { bytes = try FileSystem.readBytes(full) } catch {
                return (false, Diagnostic(.error, path: path, message: error.reason))
            }
            let node: JSONNode
            do throws(JSONSyntaxError) { node = try JSONParser.parse(bytes) } catch {
                let position = SourceText(bytes: bytes).position(of: error.offset)
                return (false, Diagnostic(.error, path: path, line: position.line, column: position.column,
                                          message: "invalid JSON: \(error.message)"))
            }
            let canonical = Array(JSONWriter.canonical(canonicalize(node.value, path: path)).utf8)
            guard canonical != bytes else { return (false, nil) }
            if !checkOnly {
                do throws(FileError) { try FileSystem.writeAtomically(full, canonical) } catch {
                    return (false, Diagnostic(.error, path: path, message: error.reason))
                }
            }
            return (true, nil)
        }
        var outcome = Outcome()
        for (path, result) in zip(files, results) {
            if result.changed { outcome.changed.append(path) }
            if let problem = result.problem { outcome.diagnostics.append(problem) }
        }
        return outcome
    }

    /// Sorts a task file's `subscribers` (the one order the format fixes beyond keys).
    static func canonicalize(_ value: JSONValue, path: String) -> JSONValue {
        guard path.hasPrefix("tasks/"), case .object(var members) = value,
              let index = members.firstIndex(where: { $0.key == "subscribers" }),
              let list = members[index].value.arrayValue,
              list.allSatisfy({ $0.stringValue != nil }) else { return value }
        members[index].value.value = .array(list.sorted { $0.stringValue!.precedesInByteOrder($1.stringValue!) })
        return .object(members)
    }

    /// Every JSON file of the workspace outside `queue/`, sorted.
    static func jsonFiles(_ root: String) -> [String] {
        var files: [String] = []
        func walk(_ relative: String) {
            for name in FileSystem.list(relative.isEmpty ? root : root + "/" + relative) {
                let path = relative.isEmpty ? name : relative + "/" + name
                if path == "queue" { continue }
                if FileSystem.isDirectory(root + "/" + path) {
                    walk(path)
                } else if name.hasSuffix(".json") {
                    files.append(path)
                }
            }
        }
        walk("")
        return files
    }
}
