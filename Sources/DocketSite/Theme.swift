import DocketCore
import DocketTemplates

/// The templates and static assets a site is rendered with: the shipped
/// theme, with any single file replaced by a file of the same relative path
/// in an override folder (`--templates DIR`).
public struct Theme: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case missingDirectory(String)
        case missingTemplate(directory: String, name: String)
        case badTemplate(path: String, line: Int, column: Int, reason: String)
        case unreadable(FileError)
        /// Names no view supplies where they are used, each at its `path:line:col`.
        case unsupplied(TemplateProblems)

        public var description: String {
            switch self {
            case .missingDirectory(let path): "\(path): error: templates folder does not exist"
            case .missingTemplate(let directory, let name):
                "\(directory)/\(name).mustache: error: the theme has no template '\(name)'; every theme needs: \(Theme.requiredTemplates.joined(separator: ", "))"
            case .badTemplate(let path, let line, let column, let reason): "\(path):\(line):\(column): error: \(reason)"
            case .unreadable(let error): error.description
            case .unsupplied(let problems): problems.description
            }
        }
    }

    /// Template names every theme must provide.
    public static let requiredTemplates = ["layout", "index", "task", "tasks", "board", "person", "record", "records", "rejected",
                                             "partials/task-row", "partials/task-table-row"]

    /// The templates docket renders, bound to their views.
    let pages: Pages
    /// A hash of every template and asset: part of every page's fingerprint,
    /// so a theme change re-renders everything.
    public private(set) var fingerprint: UInt64 = StableHash.fnv1a64("theme " + DocketVersion.current)
    /// Asset files: path relative to `assets/` → their bytes.
    public private(set) var assets: [(relative: String, bytes: [UInt8])]

    /// The theme compiled into docket (from the repository's `templates/`),
    /// with the files of `override` (a folder) replacing those of the same path.
    public init(override: String? = nil) throws(LoadError) {
        var files: [String: [UInt8]] = [:]
        for file in Self.shippedFiles { files[file.path] = Array(file.text.utf8) }
        try self.init(files: files, label: "templates", override: override)
    }

    /// A theme folder as the base (a complete custom theme), with `override` on top.
    public init(base: String, override: String? = nil) throws(LoadError) {
        try self.init(files: try Self.read(base), label: base, override: override)
    }

    /// The shipped theme's files, relative path → text: what `docket theme export` writes.
    public static var shippedFiles: [(path: String, text: String)] { ShippedThemeFiles.files }

    private init(files base: [String: [UInt8]], label: String, override: String?) throws(LoadError) {
        var files = base.mapValues { (bytes: $0, source: label + "/") }
        if let override {
            for (relative, bytes) in try Self.read(override) { files[relative] = (bytes, override + "/") }
        }
        var templates: [(name: String, path: String, text: String)] = []
        var assets: [(String, [UInt8])] = []
        var fingerprint = self.fingerprint
        for (relative, file) in files.sorted(by: { $0.key.precedesInByteOrder($1.key) }) {
            if relative.hasSuffix(".mustache") {
                let text = String(decoding: file.bytes, as: UTF8.self)
                fingerprint = StableHash.combine(StableHash.combine(fingerprint, relative), text)
                templates.append((String(relative.dropLast(".mustache".count)), file.source + relative, text))
            } else if relative.hasPrefix("assets/") {
                assets.append((String(relative.dropFirst("assets/".count)), file.bytes))
                fingerprint = StableHash.combine(StableHash.combine(fingerprint, relative), String(decoding: file.bytes, as: UTF8.self))
            }
        }
        let library: TemplateLibrary
        do throws(TemplateError) { library = try TemplateLibrary(templates) } catch {
            throw .badTemplate(path: error.path, line: error.line, column: error.column, reason: error.message)
        }
        for name in Self.requiredTemplates where !library.contains(name) {
            throw .missingTemplate(directory: label, name: name)
        }
        self.pages = try Pages(library)
        self.assets = assets
        self.fingerprint = fingerprint
    }

    /// Every regular file below a theme folder, by relative path.
    private static func read(_ directory: String) throws(LoadError) -> [String: [UInt8]] {
        guard FileSystem.isDirectory(directory) else { throw .missingDirectory(directory) }
        var files: [String: [UInt8]] = [:]
        for relative in walk(directory) {
            do throws(FileError) { files[relative] = try FileSystem.readBytes(directory + "/" + relative) } catch { throw .unreadable(error) }
        }
        return files
    }

    static func walk(_ root: String, _ relative: String = "") -> [String] {
        var files: [String] = []
        for name in FileSystem.list(relative.isEmpty ? root : root + "/" + relative, followingLinks: relative.isEmpty) {
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

