/// One problem found in one input file, printed the way compilers do:
/// `tasks/x.json:4:12: error: field 'priority' must be one of: low, normal, high, urgent`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// Path relative to the workspace root.
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(severity.rawValue): \(message)"
    }

    /// Orders by path, then position, so output never depends on thread timing.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path.precedesInByteOrder(b.path) }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        return a.message < b.message
    }
}

/// Collects diagnostics for one file, turning byte offsets into line:column.
public struct DiagnosticSink: Sendable {
    public let path: String
    public let source: SourceText?
    public private(set) var diagnostics: [Diagnostic] = []

    public init(path: String, source: SourceText?) {
        self.path = path
        self.source = source
    }

    public mutating func error(_ message: String, at offset: Int?) {
        add(.error, message, at: offset)
    }

    public mutating func warning(_ message: String, at offset: Int?) {
        add(.warning, message, at: offset)
    }

    public mutating func add(_ severity: Diagnostic.Severity, _ message: String, at offset: Int?) {
        if let offset, let source {
            let position = source.position(of: offset)
            diagnostics.append(Diagnostic(severity, path: path, line: position.line, column: position.column, message: message))
        } else {
            diagnostics.append(Diagnostic(severity, path: path, message: message))
        }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
