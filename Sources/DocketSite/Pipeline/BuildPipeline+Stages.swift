import DocketCore

extension BuildPipeline {
    func perform(_ stage: Stage, _ state: inout State) throws(PipelineError) {
        switch stage {
        case .check:
            guard let output else { throw PipelineError(.check, message: "no site folder given") }
            // Opening walks the site folder (274,000 files at 100,000 tasks): on a thread of its
            // own while recover and load run. Its verdict is in before anything is applied.
            let reuses = readsCache
            let stamps = InputCache.directory(of: root) + "/" + FolderStamps.fileName
            state.opening = BackgroundValue {
                let started = Progress.seconds()
                do throws(SiteOutput.SetupError) {
                    let site = try SiteOutput(root: output, reusesPrevious: reuses, folderStamps: stamps)
                    return (.success(site), Progress.seconds() - started)
                } catch {
                    return (.failure(PipelineError(.check, describing: error)), Progress.seconds() - started)
                }
            }
        case .recover:
            do throws(WorkspaceTransaction.Failure) { state.outcome.recovered = try WorkspaceTransaction.recover(root) } catch {
                throw PipelineError(.recover, describing: error)
            }
        case .load:
            try load(&state)
        case .apply:
            var engine = EditEngine(workspace: state.outcome.workspace, journalIDs: Journal.appliedIDs(root), rejectedIDs: Journal.rejectedIDs(root))
            let queue = EditQueue.load(workspace: root, now: now)
            state.outcome.warnings += queue.skipped
            if state.outcome.workspace.settings.verifyActors && !queue.items.isEmpty && mode != .query && mode != .preview {
                do throws(CommitAuthors.Problem) {
                    engine.authors = try CommitAuthors.read(root: root, queued: queue.items.map(\.file))
                } catch { throw PipelineError(.apply, path: root, message: error.description) }
            }
            engine.apply(queue)
            state.outcome.workspace = engine.workspace
            state.outcome.results = engine.results
            state.outcome.changedTasks = engine.changedTasks
            state.engine = engine
        case .commit:
            guard let engine = state.engine else { return }
            do throws(WorkspaceTransaction.Failure) { try WorkspaceTransaction.commit(engine.changes, to: root) } catch {
                throw PipelineError(.commit, describing: error)
            }
        case .activity:
            // The edits just applied come from memory, not from the files the commit wrote.
            if let engine = state.engine { state.activity.merge(engine.changes) }
        case .render:
            guard let output, let theme else { throw PipelineError(.render, message: "no site folder or theme given") }
            var builder = SiteBuilder(workspace: state.outcome.workspace, activity: state.activity, theme: theme, now: now, output: output,
                                      cacheDirectory: InputCache.directory(of: root), reusesPrevious: readsCache, progress: progress)
            try state.openSite()
            builder.opened = state.site
            do throws(SiteBuilder.BuildError) {
                let report = try builder.build()
                state.outcome.site = report
                state.outcome.stageTimes += report.stageTimes.map { ("render: " + $0.0, $0.1) }
            } catch {
                guard case .stage(let part, let underlying) = error else { throw PipelineError(.render, describing: error) }
                var failure = PipelineError(.render, describing: underlying)
                failure.message = "(\(part)) " + failure.message
                throw failure
            }
        }
    }

    private func load(_ state: inout State) throws(PipelineError) {
        // The check stage's verdict (see `openSite`) comes before any of this stage's errors.
        guard FileSystem.isDirectory(root) else {
            try state.openSite()
            throw PipelineError(.load, path: root, message: "workspace directory does not exist")
        }
        let cache = InputCache(workspace: root, reading: readsCache)
        cache.savesInBackground = true
        state.inputCache = cache
        let loaded = WorkspaceLoader.load(root, progress: progress, cache: cache)
        state.outcome.workspace = loaded.workspace
        state.outcome.reusedFiles = loaded.reusedFiles
        state.outcome.stageTimes += loaded.stageTimes.map { ("load: " + $0.0, $0.1) }
        state.outcome.warnings = loaded.diagnostics.filter { $0.severity == .warning }
        try state.openSite()
        if loaded.hasErrors {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            throw PipelineError(.load, path: root, message: "the workspace has \(errors.count) error(s); nothing was applied or rendered",
                                diagnostics: loaded.diagnostics)
        }
        if mode.stages.contains(.activity) {
            state.activity = Activity.load(root)
            state.outcome.warnings += state.activity.problems
        }
    }
}
