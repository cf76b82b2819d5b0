import CMark
import Foundation

/// Markdown through libcmark, always in safe mode: raw HTML is dropped and
/// `javascript:`-style links are emptied. This is the only place that talks
/// to cmark.
public enum Markdown {
    /// Validate UTF-8 so bad bytes become U+FFFD instead of reaching a page.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// Renders Markdown to an HTML fragment, with GitHub's extensions.
    public static func html(_ markdown: String) -> String {
        withDocument(markdown, render)
    }

    private static func render(_ root: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Renders Markdown whose mentions become links. `isMember` decides
    /// whether a plain `@word` is a mention; `resolve` returns the link target
    /// for a member's id, nil for anyone else (whose token then stays text).
    public static func html(_ markdown: String, isMember: (String) -> Bool, mentions resolve: (Mention) -> String?) -> String {
        guard markdown.utf8.contains(UInt8(ascii: "@")) else { return html(markdown) }
        return withDocument(markdown) { root in
            for node in textNodes(root) {
                guard let literal = cmark_node_get_literal(node) else { continue }
                let text = String(cString: literal)
                let pieces = Mention.split(text, isMember: isMember)
                guard pieces.contains(where: { if case .mention = $0 { true } else { false } }) else { continue }
                var pending = ""
                func flushText() {
                    guard !pending.isEmpty else { return }
                    let textNode = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(textNode, pending)
                    cmark_node_insert_before(node, textNode)
                    pending = ""
                }
                for piece in pieces {
                    switch piece {
                    case .text(let plain):
                        pending += plain
                    case .mention(let mention):
                        guard let url = resolve(mention) else {
                            pending += mention.token
                            continue
                        }
                        flushText()
                        let link = cmark_node_new(CMARK_NODE_LINK)
                        cmark_node_set_url(link, url)
                        cmark_node_set_title(link, "@" + mention.personID)
                        let label = cmark_node_new(CMARK_NODE_TEXT)
                        cmark_node_set_literal(label, mention.isPlain ? mention.token : "@" + mention.displayName)
                        cmark_node_append_child(link, label)
                        cmark_node_insert_before(node, link)
                    }
                }
                flushText()
                cmark_node_free(node)  // also unlinks it
            }
            return render(root)
        }
    }

    /// The mentions in Markdown prose; those inside code spans and code
    /// blocks are code, not mentions. `isMember` as for `html`.
    public static func mentions(in markdown: String, isMember: (String) -> Bool) -> [Mention] {
        guard markdown.utf8.contains(UInt8(ascii: "@")) else { return [] }
        return withDocument(markdown) { root in
            textNodes(root).flatMap { node -> [Mention] in
                guard let literal = cmark_node_get_literal(node) else { return [] }
                return Mention.split(String(cString: literal), isMember: isMember).compactMap {
                    if case .mention(let mention) = $0 { mention } else { nil }
                }
            }
        }
    }

    /// Mention-like words that will notify nobody, with the reason, for a
    /// warning before a comment is queued: inside code, or naming nobody in
    /// people.json.
    public static func unheardMentions(in markdown: String, isMember: (String) -> Bool) -> [(token: String, reason: String)] {
        var prose = mentions(in: markdown, isMember: { _ in true }).map(\.token)
        var unheard: [(String, String)] = []
        for candidate in Mention.candidates(markdown) {
            if let index = prose.firstIndex(of: candidate.token) {
                prose.remove(at: index)
                if !isMember(candidate.personID) { unheard.append((candidate.token, "'\(candidate.personID)' is not in people.json")) }
            } else if isMember(candidate.personID) || !candidate.isPlain {
                unheard.append((candidate.token, "it is inside code"))
            }
        }
        return unheard
    }

    private static func withDocument<R>(_ markdown: String, _ body: (OpaquePointer) -> R) -> R {
        let root = CMarkTree.parse(markdown, options: options)
        defer { cmark_node_free(root) }
        // Emphasis delimiters and other special characters split text runs;
        // join adjacent runs so a token is found whole.
        cmark_consolidate_text_nodes(root)
        GitHubExtensions.apply(root, source: markdown, options: options)
        return body(root)
    }

    /// Every TEXT node, collected first so the tree can be edited afterwards.
    private static func textNodes(_ root: OpaquePointer) -> [OpaquePointer] {
        CMarkTree.descendants(root) { CMarkTree.type($0) == CMARK_NODE_TEXT }
    }
}
