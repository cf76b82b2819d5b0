import Testing
@testable import DocketCore

struct MarkdownTests {
    @Test func rendersCommonMark() {
        let html = Markdown.html("# Hi\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n`code`")
        #expect(html.contains("<h1>Hi</h1>"))
        #expect(html.contains("<li>a</li>"))
        #expect(html.contains("<code>code</code>"))
    }

    @Test func safeModeDropsRawHTMLAndDangerousLinks() {
        let html = Markdown.html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> [y](vbscript:x) ![i](data:text/html,x)")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func mentionsOfMembersBecomeLinksOthersStayText() {
        let html = Markdown.html("Hi @{jane:Jane Smith}, cc @{ghost:Nobody}.", isMember: { _ in false }) { mention in
            mention.personID == "jane" ? "people/jane.html" : nil
        }
        #expect(html == "<p>Hi <a href=\"people/jane.html\" title=\"@jane\">@Jane Smith</a>, cc @{ghost:Nobody}.</p>\n")
    }

    @Test func mentionNamesAreEscaped() {
        let html = Markdown.html(#"@{jane:Jane "JJ" & co}"#, isMember: { _ in true }) { _ in "p.html" }
        #expect(html.contains("@Jane &quot;JJ&quot; &amp; co</a>"))
        // A name holding markup is split by cmark's inline parser: never a link, never raw HTML.
        let markup = Markdown.html("@{jane:<b>Jane</b>}", isMember: { _ in true }) { _ in "p.html" }
        #expect(!markup.contains("<b>") && !markup.contains("<a "))
    }

    @Test func findsMentionsOutsideCodeOnly() {
        let text = """
            @{jane:Jane Smith}@{sam:Sam} and `@{tom:Tom}` and *@{ann:Ann O'Neil, Jr.}*

                @{code:Block}

            @{bad id:X} @{x:} @{y:Unclosed
            """
        #expect(Markdown.mentions(in: text, isMember: { _ in false }).map(\.personID) == ["jane", "sam", "ann"])
        #expect(Markdown.mentions(in: text, isMember: { _ in false }).last?.displayName == "Ann O'Neil, Jr.")
    }

    @Test func splitsTokensExactly() {
        #expect(Mention.split("a@{x:Y}b@{z:W}") == [.text("a"), .mention(Mention(personID: "x", displayName: "Y")),
                                                     .text("b"), .mention(Mention(personID: "z", displayName: "W"))])
        #expect(Mention.split("@{../x:Y}") == [.text("@{../x:Y}")])
        #expect(Mention.split("@{@{x:Y}") == [.text("@{"), .mention(Mention(personID: "x", displayName: "Y"))])
    }
}
