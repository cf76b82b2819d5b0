/// The CI job `docket init` writes: after every push to the default branch
/// it builds docket (cached per pinned revision), checks the workspace,
/// applies the queue, commits the result with `[skip ci]` (rebasing and
/// retrying when another push raced it) and publishes the site.
public enum CIWorkflow: String, Sendable, CaseIterable {
    case github, gitlab, none

    /// Where docket's source is cloned from, and the revision CI builds.
    /// Bump the revision in the written file to upgrade.
    public static let sourceRepository = "https://github.com/docket-tasks/docket"
    public static var pinnedRevision: String { "v" + DocketVersion.current }

    /// The file's path relative to the repository root.
    public var path: String? {
        switch self {
        case .github: ".github/workflows/docket.yml"
        case .gitlab: ".gitlab-ci.yml"
        case .none: nil
        }
    }

    /// The file's text; `workspace` is the workspace folder relative to the repository root.
    public func text(workspace: String, branch: String) -> String? {
        switch self {
        case .github: github(workspace: workspace, branch: branch)
        case .gitlab: gitlab(workspace: workspace)
        case .none: nil
        }
    }

    private static let buildScript = """
        git clone --quiet "$DOCKET_REPOSITORY" /tmp/docket-src
        git -C /tmp/docket-src checkout --quiet --detach "$DOCKET_REVISION"
        swift build --package-path /tmp/docket-src -c release --product docket --static-swift-stdlib
        mkdir -p "$DOCKET_BIN" && cp /tmp/docket-src/.build/release/docket "$DOCKET_BIN/"
        """

    private static let commitScript = """
        git config user.name "docket"
        git config user.email "docket@users.noreply.localhost"
        git add -A -- "$WORKSPACE"
        if git diff --cached --quiet; then echo "nothing to commit"; exit 0; fi
        git commit --quiet -m "docket: apply queued edits [skip ci]"
        for attempt in 1 2 3 4 5; do
          if git push origin "HEAD:$BRANCH"; then exit 0; fi
          echo "another push came first; rebasing (attempt $attempt)"
          git pull --rebase origin "$BRANCH"
        done
        exit 1
        """

    private func indent(_ text: String, _ spaces: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
    }

    private func github(workspace: String, branch: String) -> String {
        """
        # Written by `docket init`. After every push to \(branch) it applies the queued
        # edits, commits the result and publishes the dashboard on GitHub Pages.
        # Repository settings it needs (docs/team.md):
        #   Settings > Pages > Build and deployment > Source: "GitHub Actions"
        #   Settings > Actions > General > Workflow permissions: "Read and write"
        # To upgrade docket, set DOCKET_REVISION to a newer tag or commit.
        name: docket
        on:
          push:
            branches: [\(branch)]
          workflow_dispatch:
        permissions:
          contents: write
          pages: write
          id-token: write
        concurrency:
          group: docket
          cancel-in-progress: false
        env:
          DOCKET_REPOSITORY: \(Self.sourceRepository)
          DOCKET_REVISION: \(Self.pinnedRevision)
          DOCKET_BIN: /github/home/.docket-bin
          WORKSPACE: \(workspace)
          BRANCH: \(branch)
        jobs:
          build:
            runs-on: ubuntu-latest
            container: swift:6.0
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0  # the whole history: who committed each queued edit
              - name: Install what docket builds with
                run: apt-get update -qq && apt-get install -y -qq --no-install-recommends libcmark-dev pkg-config git
              - name: Cache the docket binary
                id: docket-bin
                uses: actions/cache@v4
                with:
                  path: /github/home/.docket-bin
                  key: docket-${{ env.DOCKET_REVISION }}
              - name: Build docket
                if: steps.docket-bin.outputs.cache-hit != 'true'
                run: |
        \(indent(Self.buildScript, 10))
              - name: Keep the site and docket's caches between runs
                uses: actions/cache@v4
                with:
                  path: |
                    public
                    ${{ env.WORKSPACE }}/.docket/cache
                  key: docket-site-${{ github.run_id }}
                  restore-keys: docket-site-
              - name: Check the workspace and the queue
                run: $DOCKET_BIN/docket validate --workspace "$WORKSPACE"
              - name: Apply the queue and render the site
                run: $DOCKET_BIN/docket build --workspace "$WORKSPACE" --out public
              - name: Commit the applied workspace
                run: |
                  git config --global --add safe.directory "$GITHUB_WORKSPACE"
        \(indent(Self.commitScript, 10))
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
    }

    private func gitlab(workspace: String) -> String {
        """
        # Written by `docket init`. After every push to the default branch it applies
        # the queued edits, commits the result and publishes the dashboard on GitLab Pages.
        # It needs a project access token with the write_repository scope, saved as the
        # masked CI/CD variable DOCKET_PUSH_TOKEN (docs/team.md).
        # To upgrade docket, set DOCKET_REVISION to a newer tag or commit.
        variables:
          DOCKET_REPOSITORY: \(Self.sourceRepository)
          DOCKET_REVISION: \(Self.pinnedRevision)
          DOCKET_BIN: $CI_PROJECT_DIR/.docket-bin
          WORKSPACE: \(workspace)
          GIT_DEPTH: 0  # the whole history: who committed each queued edit

        pages:
          image: swift:6.0
          resource_group: docket
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
          cache:
            - key: docket-$DOCKET_REVISION
              paths: [.docket-bin/]
            - key: docket-site
              paths: [public/, $WORKSPACE/.docket/cache/]
          script:
            - apt-get update -qq && apt-get install -y -qq --no-install-recommends libcmark-dev pkg-config git
            - |
              if [ ! -x "$DOCKET_BIN/docket" ]; then
        \(indent(Self.buildScript, 8))
              fi
            - $DOCKET_BIN/docket validate --workspace "$WORKSPACE"
            - $DOCKET_BIN/docket build --workspace "$WORKSPACE" --out public
            - git remote set-url origin "https://oauth2:${DOCKET_PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"
            - git checkout -B "$CI_COMMIT_BRANCH"
            - |
              BRANCH="$CI_COMMIT_BRANCH"
        \(indent(Self.commitScript, 6))
          artifacts:
            paths: [public]

        """
    }
}
