extension InputCache {
    /// What was read of one input: its file, and a task's details file when it has one.
    struct Reads {
        var file: Result<[UInt8], FileError>
        var details: Result<[UInt8], FileError>? = nil
    }

    /// One input through the cache: found by its files' stamps (nothing is
    /// read), else read and found by a hash of its bytes, else decoded from
    /// those bytes. `stamps` nil: a file is missing or not a regular file, so
    /// only reading it can say what is wrong.
    func resolve<Value: CacheCodable & Sendable>(_ key: String, stamps: [FileSystem.Stamp]?, context: UInt64, decoding: Bool = true,
                                                 read: () -> Reads, decode: (Reads) -> (Value?, [Diagnostic])) -> Decoded<Value> {
        func lookup(_ match: Match) -> Decoded<Value>? {
            self.lookup(key, match, stamps: stamps, context: context, as: Value.self, decoding: decoding)
        }
        if let stamps, let hit = lookup(.stamps(stamps)) { return hit }
        let reads = read()
        let content = contentHash([reads.file, reads.details])
        if let content, let hit = lookup(.content(content)) { return hit }
        let (value, diagnostics) = decode(reads)
        return decoded(key, stamps: stamps, content: content, context: context, value: value, diagnostics: diagnostics)
    }
}
