import DocketCore

/// Why a build stopped: the stage, the file (and line and column) where
/// that is known, and what is wrong. The CLI prints it once.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public var stage: BuildPipeline.Stage
    public var path: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    /// Every problem in the workspace's files, when loading found errors.
    public var diagnostics: [Diagnostic] = []

    public init(_ stage: BuildPipeline.Stage, path: String? = nil, line: Int? = nil, column: Int? = nil, message: String,
                diagnostics: [Diagnostic] = []) {
        self.stage = stage
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.diagnostics = diagnostics
    }

    /// From an error whose text reads `path[:line:col]: error: message`.
    init(_ stage: BuildPipeline.Stage, describing error: any Error) {
        let text = "\(error)"
        guard let range = text.range(of: ": error: ") else {
            self.init(stage, message: text.hasPrefix("error: ") ? String(text.dropFirst(7)) : text)
            return
        }
        var location = String(text[..<range.lowerBound]).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var line: Int?, column: Int?
        if location.count >= 3, let l = Int(location[location.count - 2]), let c = Int(location[location.count - 1]) {
            line = l
            column = c
            location.removeLast(2)
        }
        self.init(stage, path: location.joined(separator: ":"), line: line, column: column, message: String(text[range.upperBound...]))
    }

    public var description: String {
        var place = path ?? ""
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "[\(stage.rawValue)] " + (place.isEmpty ? "" : place + ": ") + "error: " + message
    }
}
