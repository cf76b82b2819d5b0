import DocketCore

/// The site folder's folders as the last build left them: each one's stamp
/// (`FolderStamp`) and the files in it that the manifest does not list.
/// Opening the site folder used to list every folder to learn which of the
/// last build's files are still there (53,000 folders and 274,000 files at
/// 100,000 tasks, as long as loading the workspace). A folder whose stamp has
/// not moved holds what the last build left in it, so the next build lists
/// only the folders whose stamps moved: those it changed, and any a person did.
///
/// Kept in the workspace's cache (`.docket/cache/site-folders`), not in the
/// site, whose files stay the same for the same inputs. It names the site
/// folder and the manifest it was written with: beside any other manifest (a
/// build that stopped halfway) it vouches for nothing, and every folder is listed.
final class FolderStamps {
    static let fileName = "site-folders"

    struct Folder {
        var path: String
        /// Nil: unknown, so the folder is listed.
        var stamp: FolderStamp?
        /// Its files that the manifest does not list (pages made without a fingerprint).
        var extras: [String]
    }

    private let folders: [Folder]
    private let index: [String: Int]
    private let subfolders: [[Int]]
    /// Per folder: its stamp matched, so it was not listed.
    private var unchanged: [Bool]

    /// The folders in `bytes` (the file's contents), if they were written with the manifest whose checksum is `manifest`.
    init?(_ bytes: [UInt8], root: String, manifest: UInt64) {
        guard let folders = Self.parse(bytes, header: Self.header(root, manifest)) else { return nil }
        self.folders = folders
        var index: [String: Int] = [:]
        index.reserveCapacity(folders.count)
        for (position, folder) in folders.enumerated() { index[folder.path] = position }
        var subfolders = [[Int]](repeating: [], count: folders.count)
        for (position, folder) in folders.enumerated() {
            if let parent = index[FileSystem.parent(of: folder.path)] { subfolders[parent].append(position) }
        }
        self.index = index
        self.subfolders = subfolders
        unchanged = [Bool](repeating: false, count: folders.count)
    }

    /// For the walk: the subfolders of `path` when its stamp is the one
    /// kept, which notes it as unchanged; nil lists it.
    func subfolders(ifUnchanged path: String, _ stamp: FolderStamp) -> [String]? {
        guard let position = index[path], folders[position].stamp == stamp else { return nil }
        unchanged[position] = true
        return subfolders[position].map { folders[$0].path }
    }

    /// Whether the folder at `path` (its bytes) was found unchanged, so its
    /// files are the manifest's entries in it and its extras.
    func isUnchanged(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let position = index[String(decoding: path, as: UTF8.self)] else { return false }
        return unchanged[position]
    }

    /// The extras of the unchanged folders, as paths from the site's top.
    var unchangedExtras: [String] {
        folders.indices.filter { unchanged[$0] }.flatMap { position in folders[position].extras.map { folders[position].path + "/" + $0 } }
    }

    // MARK: - The file

    private static func header(_ root: String, _ manifest: UInt64) -> [UInt8] {
        Array("docket site folders \(DocketVersion.current) manifest \(String(manifest, radix: 16)) \(root)\n".utf8)
    }

    /// The file's contents: a line per folder (`<inode> <modified> <changed> <path>`
    /// in hex, or `- <path>` when its stamp vouches for nothing), then a line
    /// per extra file (a tab and its name). Nil when a name cannot be
    /// written on a line (none docket makes).
    static func bytes(_ folders: [Folder], root: String, manifest: UInt64) -> [UInt8]? {
        guard !root.utf8.contains(where: { $0 < 0x20 }) else { return nil }
        var bytes = header(root, manifest)
        func fits(_ text: String) -> Bool { !text.utf8.contains { $0 < 0x20 } }
        for folder in folders {
            guard fits(folder.path) else { return nil }
            if let stamp = folder.stamp {
                for value in [stamp.inode, UInt64(bitPattern: stamp.modified), UInt64(bitPattern: stamp.changed)] {
                    SiteManifest.appendHex(value, to: &bytes)
                    bytes.append(UInt8(ascii: " "))
                }
            } else {
                bytes += "- ".utf8
            }
            bytes += folder.path.utf8
            bytes.append(UInt8(ascii: "\n"))
            for extra in folder.extras {
                guard fits(extra) else { return nil }
                bytes.append(UInt8(ascii: "\t"))
                bytes += extra.utf8
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        return bytes
    }

    /// Nil unless every line reads: a file cut short or edited vouches for nothing.
    private static func parse(_ bytes: [UInt8], header: [UInt8]) -> [Folder]? {
        guard bytes.count >= header.count, bytes[..<header.count].elementsEqual(header), bytes.last == UInt8(ascii: "\n") else { return nil }
        var folders: [Folder] = []
        var start = header.count
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let line = bytes[start..<end]
            start = end + 1
            if line.first == UInt8(ascii: "\t") {
                guard !folders.isEmpty, line.count > 1 else { return nil }
                folders[folders.count - 1].extras.append(String(decoding: line.dropFirst(), as: UTF8.self))
                continue
            }
            if line.starts(with: "- ".utf8) {
                guard line.count > 2 else { return nil }
                folders.append(Folder(path: String(decoding: line.dropFirst(2), as: UTF8.self), stamp: nil, extras: []))
                continue
            }
            // Three numbers in hex, each followed by a space, then the path.
            var cursor = line.startIndex
            var numbers: [UInt64] = []
            while numbers.count < 3 {
                var value: UInt64 = 0
                var digits = 0
                while cursor < line.endIndex, digits < 16, let digit = SiteManifest.hexDigit(line[cursor]) {
                    value = value << 4 | UInt64(digit)
                    cursor += 1
                    digits += 1
                }
                guard digits > 0, cursor < line.endIndex, line[cursor] == UInt8(ascii: " ") else { return nil }
                cursor += 1
                numbers.append(value)
            }
            guard cursor < line.endIndex else { return nil }
            folders.append(Folder(path: String(decoding: line[cursor...], as: UTF8.self),
                                  stamp: FolderStamp(inode: numbers[0], modified: Int64(bitPattern: numbers[1]),
                                                     changed: Int64(bitPattern: numbers[2])), extras: []))
        }
        return folders
    }
}
