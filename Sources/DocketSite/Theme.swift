import DocketCore
import Mustache

/// The templates and static assets a site is rendered with: the shipped
/// theme, with any single file replaced by a file of the same relative path
/// in an override folder (`--templates DIR`).
public struct Theme: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case missingDirectory(String)
        case missingTemplate(directory: String, name: String)
        case badTemplate(path: String, line: Int, column: Int, reason: String)
        case unreadable(FileError)

        public var description: String {
            switch self {
            case .missingDirectory(let path): "\(path): error: templates folder does not exist"
            case .missingTemplate(let directory, let name):
                "\(directory)/\(name).mustache: error: the theme has no template '\(name)'; every theme needs: \(Theme.requiredTemplates.joined(separator: ", "))"
            case .badTemplate(let path, let line, let column, let reason): "\(path):\(line):\(column): error: \(reason)"
            case .unreadable(let error): error.description
            }
        }
    }

    /// Template names every theme must provide.
    public static let requiredTemplates = ["layout", "index", "task", "tasks", "board", "person", "record", "records", "rejected",
                                             "partials/task-row", "partials/task-table-row"]

    private var library: MustacheLibrary
    /// A hash of every template and asset: part of every page's fingerprint,
    /// so a theme change re-renders everything.
    public private(set) var fingerprint: UInt64 = StableHash.fnv1a64("theme " + DocketVersion.current)
    /// Asset files: path relative to `assets/` → absolute source path.
    public private(set) var assets: [(relative: String, source: String)]

    /// Loads `base`, then `override` on top of it.
    public init(base: String, override: String? = nil) throws(LoadError) {
        var files: [String: String] = [:]  // relative path → absolute path
        for directory in [base, override].compactMap({ $0 }) {
            guard FileSystem.isDirectory(directory) else { throw .missingDirectory(directory) }
            for relative in Self.walk(directory) { files[relative] = directory + "/" + relative }
        }
        _ = FastHTMLEscaping.registered
        var library = MustacheLibrary()
        var assets: [(String, String)] = []
        for (relative, source) in files.sorted(by: { $0.key < $1.key }) {
            if relative.hasSuffix(".mustache") {
                let text: String
                do throws(FileError) { text = try FileSystem.readString(source) } catch { throw .unreadable(error) }
                fingerprint = StableHash.combine(StableHash.combine(fingerprint, relative), text)
                do {
                    try library.register(FastHTMLEscaping.pragma + text, named: String(relative.dropLast(".mustache".count)))
                } catch let error as MustacheTemplate.ParserError {
                    throw .badTemplate(path: source, line: error.context.lineNumber, column: error.context.columnNumber,
                                       reason: "template syntax: \(error.error)")
                } catch {
                    throw .badTemplate(path: source, line: 1, column: 1, reason: "template syntax: \(error)")
                }
            } else if relative.hasPrefix("assets/") {
                assets.append((String(relative.dropFirst("assets/".count)), source))
                if let bytes = try? FileSystem.readBytes(source) {
                    fingerprint = StableHash.combine(StableHash.combine(fingerprint, relative), String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw .missingTemplate(directory: base, name: name)
        }
        self.library = library
        self.assets = assets
    }

    /// Renders a template; a missing template is a clear error, not a blank page.
    public func render(_ name: String, _ context: [String: Any]) throws(RenderError) -> String {
        try render(name, node: ViewNode.wrap(values: context))
    }

    /// Renders a view already wrapped for the engine (one view rendered by several templates).
    func render(_ name: String, node: ViewNode) throws(RenderError) -> String {
        guard let output = library.render(node, withTemplate: name) else { throw RenderError(template: name) }
        return output
    }

    public struct RenderError: Error, CustomStringConvertible {
        public var template: String
        public var description: String { "error: the theme has no template '\(template).mustache'" }
    }

    /// Finds the shipped theme: `./templates`, else a `templates` folder (or
    /// `share/docket/templates`) beside one of the executable's ancestors.
    public static func locateDefault(executable: String, currentDirectory: String) -> String? {
        var candidates = [currentDirectory + "/templates"]
        var directory = executable
        for _ in 0..<6 {
            directory = FileSystem.parent(of: directory)
            candidates.append(directory + "/templates")
            candidates.append(directory + "/share/docket/templates")
        }
        return candidates.first { FileSystem.exists($0 + "/layout.mustache") }
    }

    static func walk(_ root: String, _ relative: String = "") -> [String] {
        var files: [String] = []
        for name in FileSystem.list(relative.isEmpty ? root : root + "/" + relative) {
            let path = relative.isEmpty ? name : relative + "/" + name
            if FileSystem.isDirectory(root + "/" + path) {
                files += walk(root, path)
            } else {
                files.append(path)
            }
        }
        return files
    }
}

