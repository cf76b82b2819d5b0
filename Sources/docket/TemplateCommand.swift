import ArgumentParser
import DocketCore
import DocketSite
import DocketTemplates
import Foundation

/// `docket template render` and `docket template check`: for theme authors.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render one Mustache template against JSON, or check a theme against docket's views.",
        subcommands: [RenderTemplate.self, CheckTheme.self]
    )

    struct RenderTemplate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Print exactly what a template renders against JSON data (nothing added).",
            discussion: """
                Example: docket template render card.mustache --data '{"title": "Call Ada"}' --partials partials/
                A partial {{>name}} is the file DIR/name.mustache. --data @file.json reads the data from a file.
                """
        )
        @Argument(help: "The template file.") var file: String
        @Option(help: ArgumentHelp("The data: JSON text, or @FILE for a JSON file.", valueName: "json")) var data: String = "{}"
        @Option(help: ArgumentHelp("The folder partials are read from.", valueName: "dir")) var partials: String?

        func run() throws {
            try runReporting {
                let (dataText, dataPath) = data.hasPrefix("@") ? (try readText(String(data.dropFirst())), String(data.dropFirst())) : (data, "--data")
                let bytes = Array(dataText.utf8)
                let node: JSONNode
                do throws(JSONSyntaxError) { node = try JSONParser.parse(bytes) } catch {
                    let at = SourceText(bytes: bytes).position(of: error.offset)
                    throw CLIError("\(dataPath):\(at.line):\(at.column): error: invalid JSON: \(error.message)")
                }
                var sources = [(name: "\u{0}main", path: file, text: try readText(file))]
                if let partials {
                    guard FileSystem.isDirectory(partials) else { throw CLIError("\(partials): error: the partials folder does not exist") }
                    for relative in FileSystem.walk(partials).files.sorted() where relative.hasSuffix(".mustache") {
                        sources.append((String(relative.dropLast(".mustache".count)), partials + "/" + relative, try readText(partials + "/" + relative)))
                    }
                }
                do throws(TemplateError) {
                    let rendered = try TemplateLibrary(sources).render("\u{0}main", TemplateValue(json: node.value))
                    FileHandle.standardOutput.write(Data(rendered.utf8))
                } catch { throw CLIError(error.description) }
            }
        }
    }

    struct CheckTheme: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a theme folder (default: the shipped theme) against docket's views; list every problem.",
            discussion: """
                Loads the theme (syntax, partials, required templates) and binds each page template to the views \
                docket renders it with, listing every name a template uses that no view supplies there, as \
                path:line:col with the closest name that is. Exit 1 on any.
                """
        )
        @Argument(help: "A theme folder: its files replace the shipped theme's files of the same path.") var directory: String?

        func run() throws {
            try runReporting {
                let name = directory ?? "the shipped theme"
                do throws(Theme.LoadError) { _ = try Theme(override: directory) } catch {
                    guard case .unsupplied(let problems) = error else { throw CLIError(error.description) }
                    for problem in problems.errors { Console.error(problem.description) }
                    throw CLIError("error: \(problems.errors.count) problem(s) in \(name)")
                }
                Console.print("\(name): every template loads and every name it uses is supplied by docket's views")
            }
        }
    }
}

extension TemplateValue {
    /// JSON as template data: numbers that are whole stay integers.
    init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .number(let literal): self = Int(literal).map(TemplateValue.int) ?? .double(Double(literal) ?? 0)
        case .array(let items): self = .list(items.map { TemplateValue(json: $0.value) })
        case .object(let members):
            var object: [String: TemplateValue] = [:]
            for member in members { object[member.key] = TemplateValue(json: member.value.value) }
            self = .object(object)
        }
    }
}
