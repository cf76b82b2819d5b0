import Foundation
import PackagePlugin

/// Compiles the shipped theme (`templates/`) into the library, so an installed
/// `docket` is one file that renders from any directory, through a symlink,
/// or copied to another machine, with no theme folder to find at run time.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedThemeFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the shipped theme",
                executable: try context.tool(named: "theme-embedder").url,
                arguments: [theme.path, output.path],
                inputFiles: files(under: theme),
                outputFiles: [output]
            ),
        ]
    }

    /// Every file of the theme, so that editing any of them rebuilds the embedding.
    private func files(under root: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
