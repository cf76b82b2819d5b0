import CMark

/// GitHub's autolinks without angle brackets: `www.` domains (linked with
/// `http://`), `http://`, `https://` and `ftp://` URLs, and e-mail
/// addresses (`mailto:`), in text outside links and code. Trailing
/// punctuation, an unmatched closing parenthesis and an entity-like `&x;`
/// at the end stay text, as on GitHub.
enum AutolinkExtension {
    static func apply(_ root: OpaquePointer) {
        let texts = CMarkTree.descendants(root) { CMarkTree.type($0) == CMARK_NODE_TEXT }
        for node in texts {
            // Most text has no candidate at all: look before doing anything else.
            guard CMarkTree.literal(node, contains: UInt8(ascii: ".")), let bytes = CMarkTree.literalBytes(node),
                  bytes.contains(UInt8(ascii: "@")) || bytes.contains(Self.www) || bytes.contains(Self.schemeMark),
                  !CMarkTree.isInsideLink(node) else { continue }
            let startsClean = cmark_node_previous(node).map {
                let kind = CMarkTree.type($0)
                return kind == CMARK_NODE_SOFTBREAK || kind == CMARK_NODE_LINEBREAK
            } ?? true
            link(node, bytes, startsClean: startsClean)
        }
    }

    private struct Found {
        var start: Int
        var end: Int
        var url: String
    }

    private static func link(_ node: OpaquePointer, _ bytes: [UInt8], startsClean: Bool) {
        var pieces: [(text: [UInt8], url: String?)] = []
        var plainStart = 0
        var index = 0
        while index < bytes.count {
            if let found = match(bytes, at: index, startsClean: startsClean), found.start >= plainStart {
                if found.start > plainStart { pieces.append((Array(bytes[plainStart..<found.start]), nil)) }
                pieces.append((Array(bytes[found.start..<found.end]), found.url))
                index = found.end
                plainStart = found.end
            } else {
                index += 1
            }
        }
        guard pieces.contains(where: { $0.url != nil }) else { return }
        if plainStart < bytes.count { pieces.append((Array(bytes[plainStart...]), nil)) }
        for piece in pieces {
            let text = String(decoding: piece.text, as: UTF8.self)
            CMarkTree.insert(piece.url.map { CMarkTree.link($0, label: text) } ?? CMarkTree.text(text), before: node)
        }
        CMarkTree.free(node)
    }

    private static let www = Array("www.".utf8)
    private static let schemeMark = Array("://".utf8)

    /// The prefixes that start a link, with the scheme a `www.` link gets.
    private static let prefixes: [(bytes: [UInt8], scheme: String)] = [
        (Array("www.".utf8), "http://"), (Array("http://".utf8), ""), (Array("https://".utf8), ""), (Array("ftp://".utf8), ""),
    ]

    private static func match(_ bytes: [UInt8], at index: Int, startsClean: Bool) -> Found? {
        let byte = bytes[index]
        if byte == UInt8(ascii: "@") { return email(bytes, at: index) }
        guard byte == UInt8(ascii: "w") || byte == UInt8(ascii: "h") || byte == UInt8(ascii: "f") else { return nil }
        let previous: UInt8? = index > 0 ? bytes[index - 1] : nil
        // Only at the start of a line, after whitespace, or after `*`, `_`, `~` or `(`.
        let clean = previous.map { [0x20, 0x09, 0x0A, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "(")].contains($0) } ?? startsClean
        guard clean else { return nil }
        for (prefixBytes, scheme) in prefixes {
            guard bytes.count >= index + prefixBytes.count, bytes[index..<(index + prefixBytes.count)].elementsEqual(prefixBytes) else { continue }
            let domainStart = scheme.isEmpty ? index + prefixBytes.count : index
            guard let end = urlEnd(bytes, domainStart: domainStart, allowShort: scheme.isEmpty) else { return nil }
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            return Found(start: index, end: end, url: scheme + text)
        }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The end of a URL whose domain starts at `domainStart`, after the path rules; nil without a valid domain.
    private static func urlEnd(_ bytes: [UInt8], domainStart: Int, allowShort: Bool) -> Int? {
        var end = domainStart
        while end < bytes.count, isAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: "-")
                || bytes[end] == UInt8(ascii: ".") { end += 1 }
        guard end > domainStart else { return nil }
        // The path: anything up to whitespace or `<`.
        while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0A, bytes[end] != UInt8(ascii: "<") { end += 1 }
        end = trimmed(bytes, from: domainStart, to: end)
        // The domain: at least one period (not for scheme URLs), no underscore in its last two segments.
        var domainEnd = domainStart
        while domainEnd < end, isAlphanumeric(bytes[domainEnd]) || bytes[domainEnd] == UInt8(ascii: "_") || bytes[domainEnd] == UInt8(ascii: "-")
                || bytes[domainEnd] == UInt8(ascii: ".") { domainEnd += 1 }
        let segments = bytes[domainStart..<domainEnd].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty }) || segments.last?.isEmpty == true else { return nil }
        let named = segments.filter { !$0.isEmpty }
        guard !named.isEmpty, allowShort || named.count >= 2 else { return nil }
        guard !named.suffix(2).contains(where: { $0.contains(UInt8(ascii: "_")) }) else { return nil }
        return end
    }

    /// Drops trailing punctuation, unmatched closing parentheses and an entity-like `&name;`.
    private static func trimmed(_ bytes: [UInt8], from start: Int, to initialEnd: Int) -> Int {
        var end = initialEnd
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opens = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closes = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                guard closes > opens else { break }
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var amp = end - 2
                while amp > start && isAlphanumeric(bytes[amp]) { amp -= 1 }
                guard amp >= start, amp < end - 2, bytes[amp] == UInt8(ascii: "&") else { break }
                end = amp
            } else {
                break
            }
        }
        return end
    }

    /// An e-mail address around the `@` at `at`: letters, digits, `.`, `-`, `_`
    /// and `+` before it; a domain with at least one period after it, not ending in `-` or `_`.
    private static func email(_ bytes: [UInt8], at: Int) -> Found? {
        var start = at
        while start > 0, isAlphanumeric(bytes[start - 1]) || ".-_+".utf8.contains(bytes[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < bytes.count, isAlphanumeric(bytes[end]) || "-_.".utf8.contains(bytes[end]) { end += 1 }
        if end > at + 1 && bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let domain = bytes[(at + 1)..<end]
        guard !domain.isEmpty, domain.contains(UInt8(ascii: ".")), let last = domain.last, last != UInt8(ascii: "-"),
              last != UInt8(ascii: "_"), !domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).contains(where: \.isEmpty)
        else { return nil }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return Found(start: start, end: end, url: "mailto:" + text)
    }
}
