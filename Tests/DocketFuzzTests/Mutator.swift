import Foundation

/// A deterministic mutation fuzzer: from seed inputs it makes variants by
/// flipping, inserting, deleting, repeating and splicing bytes, and by
/// dropping in tokens that have broken parsers before (huge numbers, deep
/// nesting, tag and mention openers, control characters). The same seed
/// gives the same inputs, so a failure is replayed by its number.
struct Mutator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    static let tokens: [[UInt8]] = [
        "9223372036854775807", "-9223372036854775808", "1e308", "-0", "null", "true", "\"\"", "[[[[[[[[", "{\"a\":{\"b\":",
        "\\u0000", "\\ud800", "\u{1B}[31m", "@{", "@{a:", "@", "}}", "{{", "{{#a}}", "{{/a}}", "{{>p}}", "{{<p}}", "{{$b}}",
        "{{=| |=}}", "{{{", "`", "```", "|---|", "- [ ]", "~~", "www.", "https://", "javascript:", "<script>", "\r\n",
        "2026-02-30", "9999-12-31T23:59:59Z", "25:61", "\"../../etc/passwd\"", "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "😀", "\u{FEFF}",
    ].map { Array($0.utf8) }

    /// A variant of `input`: one to four mutations.
    mutating func mutate(_ input: [UInt8], corpus: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            switch below(8) {
            case 0 where !bytes.isEmpty: bytes[below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1: bytes.insert(UInt8(truncatingIfNeeded: next()), at: below(bytes.count + 1))
            case 2 where !bytes.isEmpty:
                let start = below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
            case 3: bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(bytes.count + 1))
            case 4 where !bytes.isEmpty:
                // Repeat a piece many times: quadratic scans show up as a run that does not finish.
                let start = below(bytes.count)
                let piece = Array(bytes[start..<min(bytes.count, start + 1 + below(8))])
                let times = 1 + below(2_000)
                bytes.insert(contentsOf: (0..<times).flatMap { _ in piece }, at: start)
            case 5 where !corpus.isEmpty:
                let other = corpus[below(corpus.count)]
                let cut = below(bytes.count + 1)
                bytes = Array(bytes[..<cut]) + Array(other[below(other.count + 1)...])
            case 6 where !bytes.isEmpty: bytes[below(bytes.count)] = [0x00, 0x0A, 0x22, 0x5C, 0x7B, 0x7D, 0xFF, 0xC3][below(8)]
            default: bytes.append(contentsOf: Self.tokens[below(Self.tokens.count)])
            }
        }
        return Array(bytes.prefix(1 << 20))
    }
}

/// How many inputs each target runs: a short run in `make test`, a long one
/// with `make fuzz` (DOCKET_FUZZ_ITERATIONS).
let fuzzIterations: Int = {
    if let text = getenv("DOCKET_FUZZ_ITERATIONS"), let count = Int(String(cString: text)), count > 0 { return count }
    return 5_000
}()

let fuzzSeed: UInt64 = {
    if let text = getenv("DOCKET_FUZZ_SEED"), let seed = UInt64(String(cString: text)) { return seed }
    return 20_261_126
}()
