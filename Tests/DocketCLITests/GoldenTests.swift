import Foundation
import Testing

/// Golden files: the `site` fixture (the basic workspace plus five queued
/// edits) built at a fixed instant must give exactly the files under
/// Tests/Golden/site — the workspace after applying, and the site (theme
/// assets aside, which are copied verbatim). After an intended change,
/// re-record with `DOCKET_RECORD_GOLDEN=1 swift test --filter GoldenTests`
/// and review the diff in git.
struct GoldenTests {
    static let golden = packageRoot + "/Tests/Golden/site"

    @Test func theSiteFixtureBuildsExactlyTheGoldenFiles() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            let result = try docket(["build", "--workspace", ws, "--out", dir + "/public", "--now", fixtureNow])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("Applied 3 edit(s), rejected 2."))
            let actual = try workspaceTree(ws).mapKeys { "workspace/" + $0 }
                .merging(try siteTree(dir + "/public").filter { !$0.key.hasPrefix("assets/") }.mapKeys { "public/" + $0 }) { a, _ in a }
            if ProcessInfo.processInfo.environment["DOCKET_RECORD_GOLDEN"] == "1" {
                try? FileManager.default.removeItem(atPath: Self.golden)
                for (path, data) in actual {
                    let target = Self.golden + "/" + path
                    try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try data.write(to: URL(fileURLWithPath: target))
                }
                Issue.record("recorded \(actual.count) golden files; unset DOCKET_RECORD_GOLDEN and run again")
                return
            }
            let expected = try tree(Self.golden)
            #expect(Set(actual.keys) == Set(expected.keys), "missing: \(Set(expected.keys).subtracting(actual.keys).sorted()), extra: \(Set(actual.keys).subtracting(expected.keys).sorted())")
            for (path, data) in expected.sorted(by: { $0.key < $1.key }) where actual[path] != data {
                Issue.record("\(path) differs from its golden file:\n\(String(decoding: actual[path] ?? Data(), as: UTF8.self).prefix(2000))")
            }
        }
    }
}

extension Dictionary where Key == String {
    func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
