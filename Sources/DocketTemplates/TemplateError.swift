/// A template that cannot be loaded or rendered: where, and what is wrong.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}

/// Where a tag stands in its template's source, for errors.
public struct SourceLocation: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int

    func error(_ message: String) -> TemplateError {
        TemplateError(path: path, line: line, column: column, message: message)
    }
}
