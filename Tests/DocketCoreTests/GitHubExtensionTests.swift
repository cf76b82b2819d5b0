import Testing
@testable import DocketCore

/// GitHub's four extensions, tested with every example the GitHub Flavored
/// Markdown specification (0.29) gives for them: tables, task-list items,
/// strikethrough and extended autolinks. Markdown in, the specification's HTML out.
struct GitHubExtensionTests {
    static let tables: [(String, String)] = [
        ("| foo | bar |\n| --- | --- |\n| baz | bim |",
         "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n"),
        ("| abc | defghi |\n:-: | -----------:\nbar | baz",
         "<table>\n<thead>\n<tr>\n<th align=\"center\">abc</th>\n<th align=\"right\">defghi</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">bar</td>\n<td align=\"right\">baz</td>\n</tr>\n</tbody>\n</table>\n"),
        ("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |",
         "<table>\n<thead>\n<tr>\n<th>f|oo</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b <code>|</code> az</td>\n</tr>\n<tr>\n<td>b <strong>|</strong> im</td>\n</tr>\n</tbody>\n</table>\n"),
        ("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>bar</p>\n</blockquote>\n"),
        ("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n<p>bar</p>\n"),
        ("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n===",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>===</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"),
        ("| abc | def |\n| --- |\n| bar |",
         "<p>| abc | def |\n| --- |\n| bar |</p>\n"),
        ("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n"),
        ("| abc | def |\n| --- | --- |",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n</table>\n"),
    ]

    static let taskLists: [(String, String)] = [
        ("- [ ] foo\n- [x] bar",
         "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> foo</li>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> bar</li>\n</ul>\n"),
        ("- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim",
         "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> foo\n<ul>\n<li><input disabled=\"\" type=\"checkbox\"> bar</li>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> baz</li>\n</ul>\n</li>\n<li><input disabled=\"\" type=\"checkbox\"> bim</li>\n</ul>\n"),
    ]

    static let strikethrough: [(String, String)] = [
        ("~~Hi~~ Hello, world!", "<p><del>Hi</del> Hello, world!</p>\n"),
        ("This ~~has a\n\nnew paragraph~~.", "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n"),
    ]

    static let autolinks: [(String, String)] = [
        ("www.commonmark.org", "<p><a href=\"http://www.commonmark.org\">www.commonmark.org</a></p>\n"),
        ("Visit www.commonmark.org/help for more information.",
         "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more information.</p>\n"),
        ("Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.",
         "<p>Visit <a href=\"http://www.commonmark.org\">www.commonmark.org</a>.</p>\n<p>Visit <a href=\"http://www.commonmark.org/a.b\">www.commonmark.org/a.b</a>.</p>\n"),
        ("www.google.com/search?q=Markup+(business)\n\nwww.google.com/search?q=Markup+(business)))\n\n(www.google.com/search?q=Markup+(business))\n\n(www.google.com/search?q=Markup+(business)",
         "<p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a></p>\n<p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>))</p>\n<p>(<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>)</p>\n<p>(<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a></p>\n"),
        ("www.google.com/search?q=(business))+ok",
         "<p><a href=\"http://www.google.com/search?q=(business))+ok\">www.google.com/search?q=(business))+ok</a></p>\n"),
        ("www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;",
         "<p><a href=\"http://www.google.com/search?q=commonmark&amp;hl=en\">www.google.com/search?q=commonmark&amp;hl=en</a></p>\n<p><a href=\"http://www.google.com/search?q=commonmark\">www.google.com/search?q=commonmark</a>&amp;hl;</p>\n"),
        ("www.commonmark.org/he<lp",
         "<p><a href=\"http://www.commonmark.org/he\">www.commonmark.org/he</a>&lt;lp</p>\n"),
        ("http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n\nAnonymous FTP is available at ftp://foo.bar.baz.",
         "<p><a href=\"http://commonmark.org\">http://commonmark.org</a></p>\n<p>(Visit <a href=\"https://encrypted.google.com/search?q=Markup+(business)\">https://encrypted.google.com/search?q=Markup+(business)</a>)</p>\n<p>Anonymous FTP is available at <a href=\"ftp://foo.bar.baz\">ftp://foo.bar.baz</a>.</p>\n"),
        ("foo@bar.baz", "<p><a href=\"mailto:foo@bar.baz\">foo@bar.baz</a></p>\n"),
        ("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
         "<p>hello@mail+xyz.example isn't valid, but <a href=\"mailto:hello+xyz@mail.example\">hello+xyz@mail.example</a> is.</p>\n"),
        ("a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_",
         "<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a></p>\n<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a>.</p>\n<p>a.b-c_d@a.b-</p>\n<p>a.b-c_d@a.b_</p>\n"),
    ]

    @Test(arguments: tables + taskLists + strikethrough + autolinks)
    func theSpecificationsExample(markdown: String, html: String) {
        #expect(Markdown.html(markdown) == html)
    }

    @Test func cellsAndItemsStillGoThroughCmarkInSafeMode() {
        let html = Markdown.html("| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |\n\n- [ ] <img src=x onerror=alert(1)>")
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("javascript:"))
        // A cell that reads as a block of its own (here raw HTML) stays text.
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(html.contains("<li><input disabled=\"\" type=\"checkbox\"> <!-- raw HTML omitted --></li>"))
        #expect(html.contains("<td><a href=\"\">x</a></td>"))
    }

    /// Cells share one cmark document when they cannot open a block; the
    /// others are parsed alone. Either way each reads as it would alone: a
    /// cell that is a heading, list, quote, fence, HTML or link definition
    /// stays text, and a definition in one cell links nothing in another.
    @Test func everyCellReadsAsItWouldAlone() {
        let markdown = """
            | a | b | c |
            |---|:-:|---|
            | # h | *x* | - l |
            | [a]: /u | ok **b** [a] | `c` |
            | 1. one | > q | <div>x</div> |
            | ```f | ~~s~~ www.x.org | é \\| z |
            | --- | === | ✓ |
            """
        let rows = [
            ["# h", #"<em>x</em>"#, "- l"],
            ["[a]: /u", "ok <strong>b</strong> [a]", "<code>c</code>"],
            ["1. one", "&gt; q", "&lt;div&gt;x&lt;/div&gt;"],
            ["```f", #"<del>s</del> <a href="http://www.x.org">www.x.org</a>"#, "é | z"],
            ["---", "===", "✓"],
        ]
        let body = rows.map { cells in
            "<tr>\n<td>\(cells[0])</td>\n<td align=\"center\">\(cells[1])</td>\n<td>\(cells[2])</td>\n</tr>\n"
        }.joined()
        #expect(Markdown.html(markdown) == """
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th align="center">b</th>
            <th>c</th>
            </tr>
            </thead>
            <tbody>
            \(body)</tbody>
            </table>

            """)
    }

    @Test func extensionsNestAndLeaveCodeAlone() {
        #expect(Markdown.html("| ~~old~~ | www.example.com |\n|:--|--:|\n| `~~no~~` | *x* |") == """
            <table>
            <thead>
            <tr>
            <th align="left"><del>old</del></th>
            <th align="right"><a href="http://www.example.com">www.example.com</a></th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left"><code>~~no~~</code></td>
            <td align="right"><em>x</em></td>
            </tr>
            </tbody>
            </table>

            """)
        #expect(Markdown.html("`www.example.com` and [www.example.com](http://a.example)")
            == "<p><code>www.example.com</code> and <a href=\"http://a.example\">www.example.com</a></p>\n")
        // A table after paragraph lines: those stay a paragraph.
        #expect(Markdown.html("Prices:\n| Item | Price |\n|---|---|\n| Seat | 10 |").hasPrefix("<p>Prices:</p>\n<table>"))
        // In a list item and a block quote.
        #expect(Markdown.html("- | a |\n  |---|\n  | 1 |").contains("<li>\n<table>"))
        #expect(Markdown.html("> | a |\n> |---|\n> | 1 |").contains("<td>1</td>"))
    }
}
