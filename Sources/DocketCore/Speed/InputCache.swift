import Foundation

/// Decoded input files kept between runs in `.docket/cache/inputs`, so a
/// run over a mostly unchanged workspace stats each file instead of reading
/// and parsing it. At 100,000 tasks, `fstatat` of the 200,000 task files
/// takes 0.4 s, reading them 0.8 s warm and 3–17 s once a render has pushed
/// them out of the page cache; the cache is one file, read sequentially.
///
/// An entry is the result of decoding one file: the diagnostics,
/// line:column included, then the value (or nil), so a check that needs only
/// the problems stops before the value (`lookupSummary`). Decoding is a pure function of the
/// file's bytes and of what the decoder checked them against (the context:
/// workspace.json, people.json, the record ids, whether a comment's task
/// exists), so an entry is used only when both are as they were. The bytes
/// are vouched for by the file's stamps (inode, size, modification and change
/// time) or, when those changed, by a hash of the bytes read (`Match`): a
/// fresh clone in CI gives every file new stamps and, mostly, the same bytes.
/// A file touched less than two seconds before it was read is kept by its
/// hash alone (a write within the same tick of the file system's clock would
/// keep the stamp). A missing, foreign, torn or damaged file is a miss, never a
/// wrong value (each entry carries a checksum of its payload): it only
/// costs reading the inputs.
public final class InputCache: @unchecked Sendable {
    static let fileName = "inputs"

    /// What vouches for a file's bytes being those an entry was decoded from.
    enum Match {
        /// The file's stamps are the entry's: nothing read.
        case stamps([FileSystem.Stamp])
        /// The bytes read hash to the entry's `contentHash` (the stamps differ).
        case content(UInt64)
    }

    /// One file's decoding, as found in the cache or made by this run.
    struct Entry: Sendable {
        var key: String
        /// Empty when the file was too fresh to be trusted by its stamps.
        var stamps: [FileSystem.Stamp]
        var context: UInt64
        /// `contentHash` of the bytes decoded.
        var content: UInt64
        /// Found in the cache under these same stamps, so saving it again changes nothing.
        var isCurrent = false
        /// Where the encoded value and diagnostics are in the cache file; nil
        /// for a fresh decoding, encoded only when saved (so a cold run does
        /// not hold 100,000 small buffers).
        var payload: Range<Int>?
    }

    /// What one file decoded to; `entry` is what the cache keeps of it
    /// (nil when the file was too fresh to be trusted by its stamp).
    struct Decoded<Value: Sendable>: Sendable {
        var value: Value?
        var diagnostics: [Diagnostic]
        var entry: Entry?
        /// The file decoded to a value (`value` itself is nil when only checked, see `lookupSummary`).
        var isValid: Bool

        init(value: Value?, diagnostics: [Diagnostic], entry: Entry? = nil, isValid: Bool? = nil) {
            self.value = value
            self.diagnostics = diagnostics
            self.entry = entry
            self.isValid = isValid ?? (value != nil)
        }
        /// Taken from the cache (only cached entries carry their payload).
        var reused: Bool { entry?.payload != nil }
        var isKept: Bool { entry != nil }
        var isCurrent: Bool { entry?.isCurrent ?? false }
    }

    /// Where docket keeps caches in a workspace (`.docket/` is ignored by git).
    public static func directory(of root: String) -> String { root + "/" + WorkspaceTransaction.directory + "/cache" }

    let root: String?
    let path: String?
    /// The file as this run found it (mapped, not copied: see `MappedFile`).
    private let file: MappedFile?
    /// The binary's hash as the file's header gives it, when the header's
    /// stamp is this binary's (nil: hashed again when saving).
    private var headerHash: String?
    /// The header named this binary by its hash only: saving puts its stamp back.
    private var headerIsStale = false
    /// Entry offsets in `bytes`, by the hash of their key (checked on use).
    private var offsets: [UInt64: Int] = [:]
    /// Only files last touched before this instant are kept (see `init`).
    let trustedBefore: Int64

    /// `workspace` nil: nothing is read or kept; `reading` false: every file
    /// is decoded again and the cache rewritten. A file written again within
    /// one tick of the file system's clock after it was read keeps its
    /// stamp, so only files older than `settle` seconds are kept (git calls
    /// the others "racily clean"); tests pass 0 so as not to wait.
    public init(workspace: String?, reading: Bool = true, settle: Double = 2) {
        trustedBefore = FileSystem.wallClock() - Int64(settle * 1e9)
        root = workspace
        path = workspace.map { Self.directory(of: $0) + "/" + Self.fileName }
        guard let path, reading, let file = try? MappedFile(path), let header = Header(Array(file.bytes.prefix(Header.maximumLength))),
              header.isThisBinary else {
            file = nil
            return
        }
        self.file = file
        headerHash = header.stamp == DocketVersion.executableStamp ? header.hash : nil
        headerIsStale = headerHash == nil
        if let offsets = Index.offsets(in: file.bytes, entriesStart: header.length) {
            self.offsets = offsets
            return
        }
        var reader = BinaryReader(file, header.length..<file.bytes.count)
        // Without an index the entries are walked; a torn or damaged tail ends
        // the walk, and the entries before it still count.
        while !reader.isAtEnd {
            let start = reader.offset
            guard let key = try? reader.span(reader.count()), (try? Self.skipEntryBody(&reader)) != nil else { break }
            offsets[StableHash.fnv1a64(bytes: reader.bytes(key))] = start
        }
    }

    public var isEnabled: Bool { path != nil }

    /// The cached decoding of `key` if its bytes (by `match`) and context
    /// are unchanged; `stamps` are the file's now, kept with the entry.
    /// `decoding` false: only its diagnostics and validity (`lookupSummary`).
    func lookup<Value: CacheCodable & Sendable>(_ key: String, _ match: Match, stamps: [FileSystem.Stamp]?, context: UInt64,
                                                as type: Value.Type, decoding: Bool) -> Decoded<Value>? {
        decoding ? lookup(key, match, stamps: stamps, context: context, as: type)
                 : lookupSummary(key, match, stamps: stamps, context: context, as: type)
    }

    private func lookup<Value: CacheCodable & Sendable>(_ key: String, _ match: Match, stamps: [FileSystem.Stamp]?, context: UInt64,
                                                        as type: Value.Type) -> Decoded<Value>? {
        guard let file, let (payload, entry) = found(key, match, stamps: stamps, context: context) else { return nil }
        var content = BinaryReader(file, payload)
        do throws(BinaryReader.Truncated) {
            let diagnostics = try [Diagnostic](from: &content)
            let value = try Value?(from: &content)
            guard content.isAtEnd else { return nil }
            return Decoded(value: value, diagnostics: diagnostics, entry: entry)
        } catch {
            return nil
        }
    }

    /// Like `lookup`, without decoding the value: its diagnostics and whether
    /// it has one. `docket validate` needs no more, and decoding 100,000
    /// tasks is most of what reading them from the cache costs.
    private func lookupSummary<Value: Sendable>(_ key: String, _ match: Match, stamps: [FileSystem.Stamp]?, context: UInt64,
                                                as type: Value.Type) -> Decoded<Value>? {
        guard let file, let (payload, entry) = found(key, match, stamps: stamps, context: context) else { return nil }
        var content = BinaryReader(file, payload)
        do throws(BinaryReader.Truncated) {
            let diagnostics = try [Diagnostic](from: &content)
            let isValid = try content.byte() == 1  // Optional's tag
            return Decoded(value: nil, diagnostics: diagnostics, entry: entry, isValid: isValid)
        } catch {
            return nil
        }
    }

    /// An entry's payload, checked (its key, stamps or content hash, context
    /// and checksum), with the entry to keep: under the file's stamps now.
    private func found(_ key: String, _ match: Match, stamps: [FileSystem.Stamp]?, context: UInt64) -> (Range<Int>, Entry)? {
        guard let file, let offset = offsets[StableHash.fnv1a64(key)] else { return nil }
        var reader = BinaryReader(file, offset..<file.bytes.count)
        do throws(BinaryReader.Truncated) {
            // Compared as bytes: making a string of each of 200,000 keys costs more than the rest of a lookup.
            guard Self.equal(reader.bytes(try reader.span(try reader.count())), key) else { return nil }
            // The stamps the entry keeps, compared with the stored ones as they are read (no array made per lookup).
            // Stamps that matched were trusted when stored, and are older still.
            let kept: [FileSystem.Stamp]
            switch match {
            case .stamps(let now): kept = now
            case .content: kept = trusted(stamps)
            }
            let count = try reader.count()
            var same = count == kept.count
            for index in 0..<count {
                let stamp = try Self.readStamp(&reader)
                if same && stamp != kept[index] { same = false }
            }
            guard try reader.fixedUInt64() == context else { return nil }
            let content = try reader.fixedUInt64()
            switch match {
            case .stamps: guard same && count > 0 else { return nil }
            case .content(let hash): guard hash == content else { return nil }
            }
            let checksum = try reader.fixedUInt64()
            let payload = try reader.span(try reader.count())
            guard StableHash.words64(reader.bytes(payload)) == checksum else { return nil }
            var entry = Entry(key: key, stamps: kept, context: context, content: content, payload: payload)
            entry.isCurrent = same
            return (payload, entry)
        } catch {
            return nil
        }
    }

    /// The stamps an entry may keep: none for a file touched within the settle time.
    private func trusted(_ stamps: [FileSystem.Stamp]?) -> [FileSystem.Stamp] {
        guard let stamps, stamps.allSatisfy({ $0.isOlder(than: trustedBefore) }) else { return [] }
        return stamps
    }

    /// The hash an entry's bytes are matched by: `reads`, each of its files
    /// read in order (nil: that file is absent), so a task that gains or
    /// loses its details file hashes differently. Nil without a cache, or
    /// when a read failed (the decoder then reports it; nothing is kept).
    func contentHash(_ reads: [Result<[UInt8], FileError>?]) -> UInt64? {
        guard isEnabled else { return nil }
        var hash = StableHash.fnv1a64("content")
        for read in reads {
            var words: UInt64 = 0
            if let read {
                guard case .success(let bytes) = read else { return nil }
                words = StableHash.words64(bytes[...])
            }
            hash = StableHash.combine(StableHash.combine(hash, read != nil), Int64(bitPattern: words))
        }
        return hash
    }

    /// Wraps a fresh decoding, with the entry the cache will keep of it
    /// (`content` nil: a file could not be read, so nothing is kept).
    func decoded<Value: CacheCodable & Sendable>(_ key: String, stamps: [FileSystem.Stamp]?, content: UInt64?, context: UInt64,
                                                 value: Value?, diagnostics: [Diagnostic]) -> Decoded<Value> {
        guard isEnabled, let content else { return Decoded(value: value, diagnostics: diagnostics) }
        return Decoded(value: value, diagnostics: diagnostics,
                       entry: Entry(key: key, stamps: trusted(stamps), context: context, content: content))
    }

    /// The file's entries, written by `save`.
    struct Contents {
        fileprivate(set) var bytes: [UInt8]
        fileprivate var index = Index()
        private var scratch: [UInt8] = []
        /// The file the entries found in the cache were read from.
        private let source: MappedFile?

        init(header: Header, source: MappedFile?) {
            bytes = header.bytes
            self.source = source
        }

        /// Appends the entries of one kind of file, in the order given.
        mutating func append<Value: CacheCodable & Sendable>(_ results: [Decoded<Value>]) {
            for result in results {
                guard let entry = result.entry else { continue }
                // Only entries found in `source` carry a payload.
                let stored = entry.payload.flatMap { range in source.map { UnsafeRawBufferPointer(rebasing: $0.bytes[range]) } }
                if stored == nil {
                    scratch.removeAll(keepingCapacity: true)
                    result.diagnostics.encode(into: &scratch)
                    result.value.encode(into: &scratch)
                }
                scratch.withUnsafeBytes { fresh in append(entry, payload: stored ?? fresh) }
            }
        }

        private mutating func append(_ entry: Entry, payload: UnsafeRawBufferPointer) {
            index.add(key: entry.key, at: bytes.count)
            bytes.appendString(entry.key)
            bytes.appendVarint(UInt64(entry.stamps.count))
            for stamp in entry.stamps {
                bytes.appendVarint(stamp.inode)
                bytes.appendVarint(stamp.size)
                bytes.appendVarint(stamp.modified)
                bytes.appendVarint(stamp.changed)
            }
            bytes.appendLittleEndian(entry.context)
            bytes.appendLittleEndian(entry.content)
            bytes.appendLittleEndian(StableHash.words64(payload))
            bytes.appendVarint(UInt64(payload.count))
            bytes.append(contentsOf: payload)
        }
    }

    /// Writes this run's entries (made by `fill`) when the file lacks enough
    /// of them to be worth writing again (`isWorthRewriting`): some of the
    /// `kept` are not `current` (decoded afresh, or found by their bytes under
    /// new stamps), or some files are gone. Failing to write (a read-only
    /// workspace) only means the next run reads the inputs. With
    /// `savesInBackground` the writing goes on while the caller renders;
    /// `finishSaving` waits.
    func save(kept: Int, current: Int, _ fill: @escaping @Sendable (inout Contents) -> Void) {
        let misses = (kept - current) + (offsets.count - current)
        guard let path, headerIsStale || Self.isWorthRewriting(misses: misses, stored: offsets.count) else { return }
        if savesInBackground {
            saving = BackgroundJob { [self] in write(path, fill) }
        } else {
            write(path, fill)
        }
    }

    /// Whether to write the file again when `misses` of this run's files were
    /// not in it under their stamps, or its entries no longer match a file
    /// (`stored` entries in all). A miss costs each later run a read and a
    /// parse of one file; writing costs a pass over every entry, and a
    /// one-edit build adds only a few misses. With a few added a run, the
    /// two costs add up to least about where the misses number the square
    /// root of the entries, so the file is written then, or when it is missing.
    static func isWorthRewriting(misses: Int, stored: Int) -> Bool {
        misses > 0 && (stored == 0 || misses > Int(Double(stored).squareRoot()))
    }

    /// Save on a thread of its own: a cold build at 100,000 tasks waited 0.6 s for it.
    public var savesInBackground = false
    private var saving: BackgroundJob?

    /// Returns once a background save has ended. Call from the thread that loaded.
    public func finishSaving() {
        saving?.wait()
        saving = nil
    }

    deinit { saving?.wait() }

    private func write(_ path: String, _ fill: (inout Contents) -> Void) {
        // The binary is hashed here, on the saving thread, only when the old header cannot vouch for it.
        var contents = Contents(header: Header(hash: headerHash), source: file)
        contents.bytes.reserveCapacity((file?.bytes.count ?? 0) + 65536)  // about the size of the last one
        fill(&contents)
        contents.index.append(to: &contents.bytes)
        if let root { try? WorkspaceTransaction.createDirectory(root) }
        guard let file = AtomicFileWriter.forCache(path) else { return }
        file.write(contents.bytes)
        // No fsync: after a power cut a cache may be empty, never wrong.
        try? file.commit(durable: false)
    }

    /// `memcmp` of a stored key and a key: comparing them element by element was 3% of a `validate`.
    private static func equal(_ found: UnsafeRawBufferPointer, _ key: String) -> Bool {
        var key = key
        return key.withUTF8 { wanted in
            found.count == wanted.count && (found.isEmpty || memcmp(found.baseAddress!, wanted.baseAddress!, found.count) == 0)
        }
    }

    private static func readStamp(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> FileSystem.Stamp {
        FileSystem.Stamp(inode: try reader.varint(), size: try reader.signed(),
                         modified: try reader.signed(), changed: try reader.signed())
    }

    private static func skipEntryBody(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        for _ in 0..<(try reader.count()) { _ = try readStamp(&reader) }
        _ = try reader.fixedUInt64()  // context
        _ = try reader.fixedUInt64()  // content
        _ = try reader.fixedUInt64()  // checksum
        _ = try reader.span(try reader.count())
    }
}
