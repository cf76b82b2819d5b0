import Foundation
import Testing

/// Debian's chromium, headless: loads a page from disk, runs its scripts
/// (with virtual time, so timers fire at once), and returns the DOM as it
/// stands afterwards together with every console message.
enum Browser {
    static let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Page {
        var dom: String
        var console: [String]
    }

    static func load(_ url: String, javascript: Bool = true, budgetMilliseconds: Int = 3000) throws -> Page {
        let binary = try #require(binary, "chromium is not installed; run 'make setup-test'")
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--enable-logging=stderr", "--v=0", "--allow-file-access-from-files",
                         "--virtual-time-budget=\(budgetMilliseconds)", "--dump-dom", url]
        if !javascript { arguments.insert("--blink-settings=scriptEnabled=false", at: 0) }
        let result = try run(binary, arguments)
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Page(dom: result.stdout, console: console)
    }

    static func screenshot(_ url: String, to path: String, width: Int, height: Int) throws {
        let binary = try #require(binary, "chromium is not installed; run 'make setup-test'")
        _ = try run(binary, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--virtual-time-budget=2000", "--window-size=\(width),\(height)", "--screenshot=\(path)", url])
    }

    private static func run(_ binary: String, _ arguments: [String]) throws -> (stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe()
        // Chromium is chatty on stderr: a file, not a pipe, so it can never block.
        let errPath = NSTemporaryDirectory() + "chromium-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        process.standardOutput = out
        process.standardError = errHandle
        process.environment = ProcessInfo.processInfo.environment.merging(["HOME": NSTemporaryDirectory()]) { $1 }
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let stderrData = FileManager.default.contents(atPath: errPath) ?? Data()
        return (String(decoding: stdoutData, as: UTF8.self), String(decoding: stderrData, as: UTF8.self))
    }
}

/// What a test reads back from a dumped task list.
struct TaskListDOM {
    let dom: String

    /// Ids of the rows that are not hidden, in document order.
    var visibleRows: [String] {
        rows.filter { !$0.hidden }.map(\.id)
    }

    var rows: [(id: String, hidden: Bool)] {
        var found: [(String, Bool)] = []
        var rest = Substring(dom)
        while let start = rest.range(of: "<tr data-id=\"") {
            let tagEnd = rest[start.upperBound...].firstIndex(of: ">")!
            let tag = rest[start.lowerBound..<tagEnd]
            let id = String(tag.dropFirst("<tr data-id=\"".count).prefix { $0 != "\"" })
            found.append((id, tag.contains(" hidden")))
            rest = rest[tagEnd...]
        }
        return found
    }

    /// The permalink's href, unescaped.
    var permalink: String? { attribute("href", ofElementWithID: "permalink") }

    func attribute(_ name: String, ofElementWithID id: String) -> String? {
        guard let element = dom.range(of: "id=\"\(id)\"") else { return nil }
        let tagStart = dom[..<element.lowerBound].lastIndex(of: "<")!
        let tagEnd = dom[element.upperBound...].firstIndex(of: ">")!
        let tag = dom[tagStart..<tagEnd]
        guard let attr = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[attr.upperBound...].prefix { $0 != "\"" }
        return value.replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Text content of an element, with the HTML escapes undone.
func elementText(_ dom: String, id: String) -> String? {
    guard let start = dom.range(of: "id=\"\(id)\"") else { return nil }
    let open = dom[start.upperBound...].firstIndex(of: ">")!
    let close = dom[open...].range(of: "</")!.lowerBound
    return dom[dom.index(after: open)..<close].replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
}
