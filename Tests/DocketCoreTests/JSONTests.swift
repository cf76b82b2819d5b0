import Testing
@testable import DocketCore

struct JSONParserTests {
    @Test func parsesEveryKindOfValueWithOffsets() throws {
        let text = "{\n  \"a\": [1, -2.5e3, true, false, null],\n  \"b\": \"x\\u00e9\\n\"\n}"
        let root = try JSONParser.parse(text)
        let members = try #require(root.objectValue)
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].value.arrayValue?.map(\.value) == [.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])
        #expect(members[1].value.stringValue == "xé\n")
        let source = SourceText(bytes: Array(text.utf8))
        #expect(source.position(of: members[1].keyOffset) == (3, 3))
        #expect(source.position(of: members[1].value.offset) == (3, 8))
    }

    @Test func decodesSurrogatePairsAndKeepsUnicode() throws {
        #expect(try JSONParser.parse("\"\\ud83d\\ude00 ü\"").stringValue == "😀 ü")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "unexpected '}', expected a string key in double quotes"),
        ("[1 2]", 1, 4, "unexpected '2', expected ',' or ']'"),
        ("{\"a\" 1}", 1, 6, "unexpected '1', expected ':' after the key \"a\""),
        ("\"abc", 1, 1, "unterminated string"),
        ("{\n  \"a\": tru\n}", 2, 8, "unexpected 't', expected a value"),
        ("01", 1, 2, "invalid number: leading zero"),
        ("", 1, 1, "expected a JSON value, found an empty file"),
        ("{} x", 1, 4, "unexpected 'x' after the end of the JSON value"),
        ("\"a\\qb\"", 1, 3, "invalid escape '\\q' in string"),
        ("\"\\ud83d\"", 1, 2, "unpaired surrogate in \\u escape"),
    ])
    func reportsSyntaxErrorsAtTheirPosition(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected a syntax error for \(text)")
        } catch {
            #expect(error.message == message)
            let position = SourceText(bytes: Array(text.utf8)).position(of: error.offset)
            #expect(position.line == line && position.column == column, "at \(position) for \(text)")
        }
    }

    /// ASCII strings skip validation; anything else is validated, escaped or not.
    @Test func stringsAreValidUTF8OrRefused() throws {
        #expect(try JSONParser.parse(Array("[\"plain\", \"caf\u{E9}\", \"a\\tb\"]".utf8)).arrayValue?.compactMap(\.stringValue) == ["plain", "café", "a\tb"])
        for bad: [UInt8] in [[0x22, 0x61, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22]] {
            do {
                _ = try JSONParser.parse(bad)
                Issue.record("expected a UTF-8 error for \(bad)")
            } catch {
                #expect(error.message == "string is not valid UTF-8" && error.offset == 0)
            }
        }
    }

    @Test func countsColumnsInCharactersNotBytes() {
        let text = "{\"é\": x}"
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(SourceText(bytes: Array(text.utf8)).position(of: error.offset) == (1, 7))
        }
    }

    @Test func refusesAbsurdNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func toleratesAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)).objectValue?.isEmpty == true)
    }
}

struct JSONWriterTests {
    @Test func writesCanonicalLayout() throws {
        let root = try JSONParser.parse(#"{"b": [1, {"z": null, "a": "q\"\\"}], "a": {}, "c": []}"#)
        #expect(JSONWriter.canonical(root.value) == """
            {
              "a": {},
              "b": [
                1,
                {
                  "a": "q\\"\\\\",
                  "z": null
                }
              ],
              "c": []
            }

            """)
    }

    @Test func roundTripsNumbersAndUnicodeExactly() throws {
        let text = "{\n  \"n\": 1.50e-3,\n  \"s\": \"Zoë & <b>\\u0001\"\n}\n"
        let written = JSONWriter.canonical(try JSONParser.parse(text).value)
        #expect(written == "{\n  \"n\": 1.50e-3,\n  \"s\": \"Zoë & <b>\\u0001\"\n}\n")
        #expect(JSONWriter.canonical(try JSONParser.parse(written).value) == written)
    }

    @Test func escapesMarkupOnlyInTheFormForPages() {
        let value = JSONValue.object(["t": .string("</script><b>&")])
        #expect(JSONWriter.compactForHTML(value) == #"{"t":"\u003c/script\u003e\u003cb\u003e\u0026"}"#)
        #expect(JSONWriter.canonical(value).contains("</script><b>&"))
    }

    @Test func escapesEveryCharacterJSONRequiresAndNoOther() throws {
        let text = "q\"b\\t\tr\rn\ne\u{1B}é✓<>&\u{7F}"
        let written = JSONWriter.compact(.array([JSONNode(.string(text))]))
        #expect(written == #"["q\"b\\t\tr\rn\ne\u001bé✓<>&\#u{7F}"]"#)
        #expect(JSONWriter.compactForHTML(.string(text)) == #""q\"b\\t\tr\rn\ne\u001bé✓\u003c\u003e\u0026\#u{7F}""#)
        #expect(try JSONParser.parse(Array(written.utf8)).value == .array([JSONNode(.string(text))]))
    }
}

