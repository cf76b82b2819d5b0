import Foundation

/// Asks git about the repository around a folder. Every question is one
/// `git` process; none of them changes the repository.
public enum Git {
    /// git's trimmed output, or nil when git is missing or fails.
    public static func output(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func config(_ key: String, in directory: String) -> String? {
        output(["config", key], in: directory).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The top folder of the repository holding `directory`, or nil outside one.
    public static func topLevel(of directory: String) -> String? {
        output(["rev-parse", "--show-toplevel"], in: directory)
    }

    /// The branch checked out (also before the first commit), or nil.
    public static func currentBranch(in directory: String) -> String? {
        output(["symbolic-ref", "--short", "HEAD"], in: directory)
    }
}
