import Foundation

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let fixtures = packageRoot + "/Tests/Fixtures"

/// The `docket` binary built by `swift build` (make test builds it first).
let docketBinary: String = {
    if let path = ProcessInfo.processInfo.environment["DOCKET_BIN"] { return path }
    return packageRoot + "/.build/debug/docket"
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the real binary, as a user would, from the repository root.
@discardableResult
func docket(_ arguments: [String], environment: [String: String] = [:], cwd: String = packageRoot) throws -> RunResult {
    try run(docketBinary, arguments, environment: environment, cwd: cwd)
}

/// Runs a program (docket, or an installed copy of it) and collects what it printed.
func run(_ binary: String, _ arguments: [String], environment: [String: String] = [:], cwd: String = packageRoot) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a chatty child never blocks on a full pipe.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

func withTemporaryDirectory<R>(under parent: String? = nil, _ body: (String) throws -> R) throws -> R {
    let path = (parent ?? NSTemporaryDirectory()) + "docket-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// A copy of a fixture workspace to change freely, without the caches (`.docket`) that
/// tests running docket on the fixture itself leave there.
func copyFixture(_ name: String, to directory: String) throws -> String {
    let target = directory + "/ws"
    try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: target)
    try? FileManager.default.removeItem(atPath: target + "/.docket")
    return target
}

func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// Every file below a folder with its bytes, for comparing whole trees.
func tree(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
        if !isDirectory.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)) }
    }
    return files
}

/// A site folder's files without its marker, which holds the fingerprints
/// of how each page was made (two equal sites may have been made differently).
func siteTree(_ root: String) throws -> [String: Data] {
    try tree(root).filter { $0.key != ".docket-site" }
}

let fixtureNow = "2026-03-18T13:00:00Z"

/// Runs git in a folder with a fixed identity; returns its exit status and output.
@discardableResult
func git(_ arguments: [String], in directory: String, email: String = "jane@acme.example", name: String = "Jane Smith") throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = ["-C", directory, "-c", "user.email=\(email)", "-c", "user.name=\(name)", "-c", "init.defaultBranch=main"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
