import Foundation
@testable import DocketCore

/// The repository root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let fixtures = packageRoot + "/Tests/Fixtures"

/// Runs `body` with a fresh temporary folder that is removed afterwards.
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    let path = NSTemporaryDirectory() + "docket-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Copies a folder's contents over another (files replace files of the same
/// path). A `.docket` folder is not copied: tests that run docket on a fixture
/// itself leave their caches there, and a copy must start from the fixture's files.
func overlay(_ source: String, onto destination: String) throws {
    let fm = FileManager.default
    guard let enumerator = fm.enumerator(atPath: source) else { return }
    for case let relative as String in enumerator {
        if relative == ".docket" || relative.hasPrefix(".docket/") { continue }
        let from = source + "/" + relative
        let to = destination + "/" + relative
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: from, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
            try fm.createDirectory(atPath: to, withIntermediateDirectories: true)
        } else {
            try? fm.removeItem(atPath: to)
            try fm.copyItem(atPath: from, toPath: to)
        }
    }
}

func instant(_ text: String) -> Instant { Instant(rfc3339: text)! }
func date(_ text: String) -> LocalDate { LocalDate(iso8601: text)! }

/// A task with just the fields a test cares about.
func makeTask(_ n: Int, status: TaskStatus = .pending, due: Due? = nil, assignees: [String] = [],
              completedAt: Instant? = nil) -> DocketCore.Task {
    let id = "task_01HQ3K" + String(repeating: "0", count: 18) + String(format: "%02d", n)
    var task = DocketCore.Task(id: id, title: "Task \(n)", createdAt: instant("2026-03-01T00:00:00Z"), createdBy: "jane")
    task.status = status
    task.due = due
    task.assignees = assignees
    task.completedAt = completedAt
    if status == .completed { task.completedBy = "jane" }
    return task
}
