import DocketCore
import DocketTemplates

/// Checks a theme against docket's views: it renders every page kind of a
/// sample workspace and reports each name a template uses that no view
/// supplied, at its `path:line:col`, with the closest name that was there.
/// (Syntax, partials and required templates are checked when the theme loads.)
public enum ThemeCheck {
    public static func run(theme: Theme, sample workspace: String, output: String, now: Instant) throws -> [TemplateError] {
        var theme = theme
        let recorder = LookupRecorder()
        theme.recorder = recorder
        var pipeline = BuildPipeline(workspace: workspace, mode: .build, now: now)
        pipeline.output = output
        pipeline.theme = theme
        pipeline.readsCache = false
        _ = try pipeline.run()
        return recorder.problems
    }
}
